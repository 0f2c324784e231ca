package io.gatehouse.federation.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NestedGroupsTest {

    static final String GROUPS = "OU=Groups," + TestDirectory.BASE;

    TestDirectory directory;
    LdapAuthenticator authenticator;

    @BeforeEach
    void start() throws Exception {
        directory = new TestDirectory();
        authenticator = new LdapAuthenticator(directory.activeDirectory(), ActiveDirectorySignInTest.CLOCK);
    }

    @AfterEach
    void stop() {
        authenticator.close();
        directory.close();
    }

    @Test
    void includesGroupsNestedInTheUsersGroupsNearestFirst() {
        DirectoryIdentity alice = authenticator.authenticate("alice", "Wonderland-1865");

        assertEquals(List.of("Developers", "Engineering", "Staff"), alice.groupNames());
        assertEquals(List.of("CN=Developers," + GROUPS, "CN=Engineering," + GROUPS, "CN=Staff," + GROUPS),
                alice.groupDns());
    }

    @Test
    void ignoresGroupsOutsideTheGroupSearchBase() {
        DirectoryIdentity alice = authenticator.authenticate("alice", "Wonderland-1865");

        assertTrue(alice.groupNames().stream().noneMatch("Remote Desktop Users"::equals));
    }

    @Test
    void terminatesOnAGroupCycleListingEachGroupOnce() {
        DirectoryIdentity bob = authenticator.authenticate("bob", "CanWeFixIt-42");

        assertEquals(List.of("Red", "Blue"), bob.groupNames());
    }

    @Test
    void userWithoutGroupsHasNone() throws Exception {
        String user = addUser("loner", List.of());

        assertEquals(List.of(), authenticator.authenticate(user, "Deep-Nesting-1").groupDns());
    }

    @Test
    void followsNestingUpToTheDepthLimitOnly() throws Exception {
        String user = chainOfGroups("deep", GroupWalk.MAX_DEPTH + 2);

        DirectoryIdentity deep = authenticator.authenticate(user, "Deep-Nesting-1");

        assertEquals(GroupWalk.MAX_DEPTH, deep.groupNames().size());
        assertEquals("deep-1", deep.groupNames().get(0));
        assertEquals("deep-" + GroupWalk.MAX_DEPTH, deep.groupNames().get(GroupWalk.MAX_DEPTH - 1));
    }

    @Test
    void refusesWhenTheUserBelongsToMoreGroupsThanTheLimit() throws Exception {
        String user = flatGroups("crowd", GroupWalk.MAX_GROUPS + 1);

        IamException e = assertThrows(IamException.class, () -> authenticator.authenticate(user, "Deep-Nesting-1"));

        assertEquals(ErrorCode.ACCESS_DENIED, e.code());
        assertTrue(e.getMessage().contains("more than " + GroupWalk.MAX_GROUPS + " groups"), e.getMessage());
    }

    @Test
    void acceptsExactlyTheGroupLimit() throws Exception {
        String user = flatGroups("many", GroupWalk.MAX_GROUPS);

        assertEquals(GroupWalk.MAX_GROUPS, authenticator.authenticate(user, "Deep-Nesting-1").groupDns().size());
    }

    /** A user in group prefix-1, which is in prefix-2, ... up to prefix-length. */
    private String chainOfGroups(String prefix, int length) throws Exception {
        for (int i = 1; i <= length; i++) {
            Entry group = group(prefix + "-" + i);
            if (i < length) {
                group.addAttribute("memberOf", "CN=" + prefix + "-" + (i + 1) + "," + GROUPS);
            }
            directory.server().add(group);
        }
        return addUser(prefix, List.of("CN=" + prefix + "-1," + GROUPS));
    }

    /** A user directly in {@code count} groups. */
    private String flatGroups(String prefix, int count) throws Exception {
        List<String> memberOf = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            directory.server().add(group(prefix + "-" + i));
            memberOf.add("CN=" + prefix + "-" + i + "," + GROUPS);
        }
        return addUser(prefix, memberOf);
    }

    private static Entry group(String name) {
        return new Entry("CN=" + name + "," + GROUPS, new Attribute("objectClass", "group"), new Attribute("cn", name));
    }

    private String addUser(String name, List<String> memberOf) throws Exception {
        Entry user = new Entry("CN=" + name + ",OU=Users," + TestDirectory.BASE,
                new Attribute("objectClass", "user"), new Attribute("cn", name), new Attribute("sn", name),
                new Attribute("sAMAccountName", name), new Attribute("userPassword", "Deep-Nesting-1"),
                new Attribute("userAccountControl", "512"));
        if (!memberOf.isEmpty()) {
            user.addAttribute(new Attribute("memberOf", memberOf));
        }
        directory.server().add(user);
        return name;
    }
}
