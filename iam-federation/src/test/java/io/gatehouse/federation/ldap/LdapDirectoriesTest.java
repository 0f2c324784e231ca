package io.gatehouse.federation.ldap;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.credential.SealedSecret;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.LdapProvider;
import io.gatehouse.core.identity.LdapSettings;
import io.gatehouse.federation.mapping.FederatedIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Stored LDAP provider settings as directories: one rule set, one authenticator per provider version. */
class LdapDirectoriesTest {

    private static final AccountId ACCOUNT = new AccountId("111111111111");
    private final TestDirectory directory = new TestDirectory();
    private final LdapDirectories directories = new LdapDirectories(Clock.systemUTC());

    LdapDirectoriesTest() throws Exception {
    }

    @AfterEach
    void close() {
        directories.close();
        directory.close();
    }

    private LdapSettings settings(String url) {
        return new LdapSettings(url, TestDirectory.SERVICE_DN, "OU=Users," + TestDirectory.BASE,
                TestDirectory.AD_USER_FILTER, "OU=Groups," + TestDirectory.BASE, "MEMBER_OF_NESTED", true,
                Duration.ofSeconds(5));
    }

    private LdapProvider provider(String url, byte[] sealed) {
        return new LdapProvider(ACCOUNT, "corp", settings(url), new SealedSecret("k", sealed), Instant.EPOCH);
    }

    @Test
    void refusesPlainLdapToAnotherHostWithTheDirectorysReason() {
        IamException e = assertThrows(IamException.class,
                () -> directories.check(settings("ldap://dc.example.com"), TestDirectory.SERVICE_PASSWORD));

        assertEquals(ErrorCode.INVALID_INPUT, e.code());
        assertEquals("url must begin with ldaps:// (ldap:// is accepted only for localhost, 127.0.0.1 and [::1]): "
                + "ldap://dc.example.com", e.getMessage());
    }

    @Test
    void refusesAnUnknownGroupResolution() {
        LdapSettings s = settings(directory.url().toString());
        LdapSettings unknown = new LdapSettings(s.url(), s.bindDn(), s.userSearchBase(), s.userFilter(),
                s.groupSearchBase(), "MEMBER_OF_MAGIC", true, s.timeout());

        IamException e = assertThrows(IamException.class, () -> directories.check(unknown, "pw"));

        assertEquals(ErrorCode.INVALID_INPUT, e.code());
    }

    @Test
    void refusesAFilterWithoutThePlaceholder() {
        LdapSettings s = settings(directory.url().toString());
        LdapSettings noPlaceholder = new LdapSettings(s.url(), s.bindDn(), s.userSearchBase(), "(uid=alice)",
                s.groupSearchBase(), s.groupResolution(), true, s.timeout());

        IamException e = assertThrows(IamException.class, () -> directories.check(noPlaceholder, "pw"));

        assertEquals("userFilter must contain {0} where the login name goes: (uid=alice)", e.getMessage());
    }

    @Test
    void keepsOneAuthenticatorPerProviderUntilTheProviderChanges() {
        LdapProvider provider = provider(directory.url().toString(), new byte[] {1});
        LdapAuthenticator first = directories.authenticator(provider, TestDirectory.SERVICE_PASSWORD);

        assertSame(first, directories.authenticator(provider, TestDirectory.SERVICE_PASSWORD));
        LdapAuthenticator second = directories.authenticator(provider(directory.url().toString(), new byte[] {2}),
                TestDirectory.SERVICE_PASSWORD);

        assertNotSame(first, second);
        assertEquals("alice", second.authenticate("alice", "Wonderland-1865").loginName());
    }

    @Test
    void anIdentityNamesItsGroupsByNameAndByDistinguishedName() {
        LdapAuthenticator authenticator = directories.authenticator(provider(directory.url().toString(),
                new byte[] {1}), TestDirectory.SERVICE_PASSWORD);
        Arn arn = LdapProvider.arn(ACCOUNT, "corp");

        FederatedIdentity identity = LdapIdentityFederation.identity(arn,
                authenticator.authenticate("alice", "Wonderland-1865"));

        assertEquals("CN=Alice Liddell,OU=Users,DC=corp,DC=example", identity.subject());
        assertEquals(List.of("alice@corp.example"), identity.values("mail"));
        assertEquals(true, identity.groups().contains("Developers"));
        assertEquals(true, identity.groups().contains("CN=Developers,OU=Groups,DC=corp,DC=example"));
    }

    @Test
    void theDefaultSessionNameIsTheLoginNameInTheSessionNamePattern() {
        assertEquals("alice", LdapIdentityFederation.sessionName("alice"));
        assertEquals("CORP-alice.smith", LdapIdentityFederation.sessionName("CORP\\alice.smith"));
        assertEquals("a-", LdapIdentityFederation.sessionName("a"));
        assertEquals(64, LdapIdentityFederation.sessionName("x".repeat(100)).length());
        assertEquals("j-rg", LdapIdentityFederation.sessionName("jörg"));
    }

}
