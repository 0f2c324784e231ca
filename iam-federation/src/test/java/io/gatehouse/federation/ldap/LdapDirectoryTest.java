package io.gatehouse.federation.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.SearchScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LdapDirectoryTest {

    static final String BASE = TestDirectory.BASE;

    static LdapDirectory directory(String url, String filter) {
        return new LdapDirectory(URI.create(url), TestDirectory.SERVICE_DN, "s3rvice-Secret", "OU=Users," + BASE,
                filter, "OU=Groups," + BASE, GroupResolution.MEMBER_OF_NESTED, true, Duration.ofSeconds(5));
    }

    @Test
    void redactsTheServicePasswordInToString() {
        LdapDirectory d = directory("ldaps://dc1.corp.example", TestDirectory.AD_USER_FILTER);

        assertFalse(d.toString().contains("s3rvice-Secret"), d.toString());
        assertTrue(d.toString().contains("bindPassword=****"), d.toString());
    }

    @Test
    void defaultsPortsByScheme() {
        assertEquals(636, directory("ldaps://dc1.corp.example", "(uid={0})").port());
        assertEquals(389, directory("ldap://localhost", "(uid={0})").port());
        assertEquals(3269, directory("ldaps://dc1.corp.example:3269", "(uid={0})").port());
    }

    @Test
    void acceptsPlainLdapOnLoopbackIncludingIpv6() {
        LdapDirectory d = directory("ldap://[::1]:1389", "(uid={0})");

        assertEquals("::1", d.host());
        assertFalse(d.usesTls());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ldap://dc1.corp.example", "http://127.0.0.1", "ldaps:///", "ldaps://dc1/DC=corp",
            "ldaps://dc1?cn", "ldaps://admin@dc1"})
    void refusesUrlsThatAreNotAServerOverTls(String url) {
        assertThrows(IllegalArgumentException.class, () -> directory(url, "(uid={0})"));
    }

    @Test
    void refusesFilterWithoutPlaceholder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> directory("ldaps://dc1", "(sAMAccountName=alice)"));

        assertTrue(e.getMessage().contains("{0}"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"(uid={0}", "uid={0})(", "(&(uid={0})", "((uid={0}))"})
    void refusesFilterThatIsNotAnLdapFilter(String filter) {
        assertThrows(IllegalArgumentException.class, () -> directory("ldaps://dc1", filter));
    }

    @ParameterizedTest
    @ValueSource(strings = {"({0}=alice)", "(&(objectClass=user)({0}=*))", "(!(cn:{0}:=x))"})
    void refusesFilterLettingTheLoginNameChooseTheAttribute(String filter) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> directory("ldaps://dc1", filter));

        assertTrue(e.getMessage().contains("only as a value"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"(cn={0}*)", "(mail=*{0})", "(&(objectClass=person)(!(uid={0})))"})
    void acceptsPlaceholderInValuePositions(String filter) {
        assertEquals(filter, directory("ldaps://dc1", filter).userFilter());
    }

    @Test
    void refusesBaseThatIsNotADistinguishedName() {
        assertThrows(IllegalArgumentException.class, () -> new LdapDirectory(URI.create("ldaps://dc1"),
                TestDirectory.SERVICE_DN, "x", "not a dn", "(uid={0})", BASE, GroupResolution.MEMBER_OF_NESTED, true,
                Duration.ofSeconds(5)));
    }

    @Test
    void refusesServiceAccountWithoutPassword() {
        assertThrows(IllegalArgumentException.class, () -> new LdapDirectory(URI.create("ldaps://dc1"),
                TestDirectory.SERVICE_DN, "", "OU=Users," + BASE, "(uid={0})", BASE, GroupResolution.MEMBER_OF_NESTED,
                true, Duration.ofSeconds(5)));
    }

    @Test
    void refusesInChainMatchingOutsideActiveDirectory() {
        assertThrows(IllegalArgumentException.class, () -> new LdapDirectory(URI.create("ldaps://dc1"),
                TestDirectory.SERVICE_DN, "x", "OU=Users," + BASE, "(uid={0})", BASE, GroupResolution.MEMBER_OF_IN_CHAIN,
                false, Duration.ofSeconds(5)));
    }

    @Test
    void refusesNonPositiveTimeout() {
        assertThrows(IllegalArgumentException.class, () -> new LdapDirectory(URI.create("ldaps://dc1"),
                TestDirectory.SERVICE_DN, "x", "OU=Users," + BASE, "(uid={0})", BASE, GroupResolution.MEMBER_OF_NESTED,
                true, Duration.ZERO));
    }

    @Test
    void escapesTheLoginNameSoInjectedFilterSyntaxMatchesNothing() throws Exception {
        try (TestDirectory server = new TestDirectory()) {
            LdapDirectory ad = server.activeDirectory();
            String injected = "*)(uid=*";
            Filter escaped = ad.userFilterFor(injected);
            Filter naive = Filter.create(TestDirectory.AD_USER_FILTER.replace("{0}", injected));

            assertEquals(0, server.server().search(ad.userSearchBase(), SearchScope.SUB, escaped).getEntryCount());
            // The same text pasted in unescaped would have matched every user.
            assertTrue(server.server().search(ad.userSearchBase(), SearchScope.SUB, naive).getEntryCount() > 1);
        }
    }

    @Test
    void escapedLoginNameStillFindsItsOwner() throws Exception {
        try (TestDirectory server = new TestDirectory()) {
            LdapDirectory ad = server.activeDirectory();

            assertEquals(1, server.server().search(ad.userSearchBase(), SearchScope.SUB,
                    ad.userFilterFor("alice@corp.example")).getEntryCount());
        }
    }
}
