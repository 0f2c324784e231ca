package io.gatehouse.federation.ldap;

import io.gatehouse.core.error.IamException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A plain LDAP directory: groupOfNames/groupOfUniqueNames list their members, users carry no memberOf. */
class MemberAttributeGroupsTest {

    static final String TEAMS = "OU=Teams,OU=Directory," + TestDirectory.BASE;

    static TestDirectory directory;
    static LdapAuthenticator authenticator;

    @BeforeAll
    static void start() throws Exception {
        directory = new TestDirectory();
        authenticator = new LdapAuthenticator(directory.plainLdap(), ActiveDirectorySignInTest.CLOCK);
    }

    @AfterAll
    static void stop() {
        authenticator.close();
        directory.close();
    }

    @Test
    void signsInByUid() {
        DirectoryIdentity carol = authenticator.authenticate("carol", "Higher-Further-Faster");

        assertEquals("uid=carol,OU=People,OU=Directory," + TestDirectory.BASE, carol.dn());
        assertEquals("Carol Danvers", carol.attribute("cn").orElseThrow());
    }

    @Test
    void findsGroupsListingTheUserAndGroupsListingThoseGroups() {
        DirectoryIdentity carol = authenticator.authenticate("carol", "Higher-Further-Faster");

        assertEquals(List.of("admins", "operators", "auditors"), carol.groupNames());
        assertEquals(List.of("cn=admins," + TEAMS, "cn=operators," + TEAMS, "cn=auditors," + TEAMS), carol.groupDns());
    }

    @Test
    void refusesWrongPassword() {
        IamException e = assertThrows(IamException.class, () -> authenticator.authenticate("carol", "Lower-Slower"));

        assertEquals(LdapAuthenticator.REFUSED, e.getMessage());
    }
}
