package io.gatehouse.federation.ldap;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Active Directory's account state, read from the entry once the password is proven. */
class AccountStandingTest {

    static TestDirectory directory;
    static LdapAuthenticator authenticator;

    @BeforeAll
    static void start() throws Exception {
        directory = new TestDirectory();
        authenticator = new LdapAuthenticator(directory.activeDirectory(), ActiveDirectorySignInTest.CLOCK);
    }

    @AfterAll
    static void stop() {
        authenticator.close();
        directory.close();
    }

    @Test
    void refusesDisabledAccount() {
        IamException e = assertThrows(IamException.class, () -> authenticator.authenticate("dave", "Dormant-Account-7"));

        assertEquals(ErrorCode.ACCESS_DENIED, e.code());
        assertEquals(ActiveDirectoryAccount.DISABLED, e.getMessage());
    }

    @Test
    void refusesLockedAccount() {
        IamException e = assertThrows(IamException.class, () -> authenticator.authenticate("erin", "Too-Many-Tries-3"));

        assertEquals(ErrorCode.ACCESS_DENIED, e.code());
        assertEquals(ActiveDirectoryAccount.LOCKED, e.getMessage());
    }

    @Test
    void refusesAccountPastItsExpiry() {
        IamException e = assertThrows(IamException.class, () -> authenticator.authenticate("frank", "Contract-Ended-5"));

        assertEquals(ActiveDirectoryAccount.ACCOUNT_EXPIRED, e.getMessage());
    }

    @Test
    void acceptsAccountBeforeItsExpiry() {
        Clock before = Clock.fixed(Instant.parse("2025-11-21T23:59:59Z"), ZoneOffset.UTC);
        try (LdapAuthenticator earlier = new LdapAuthenticator(directory.activeDirectory(), before)) {
            assertEquals("frank", earlier.authenticate("frank", "Contract-Ended-5").attribute("sAMAccountName").orElseThrow());
        }
    }

    @Test
    void doesNotRevealDisabledAccountWithoutThePassword() {
        IamException e = assertThrows(IamException.class, () -> authenticator.authenticate("dave", "guess"));

        assertEquals(LdapAuthenticator.REFUSED, e.getMessage());
    }

    @Test
    void doesNotRevealLockedAccountWithoutThePassword() {
        IamException e = assertThrows(IamException.class, () -> authenticator.authenticate("erin", "guess"));

        assertEquals(LdapAuthenticator.REFUSED, e.getMessage());
    }

    @Test
    void plainLdapDirectoryIgnoresActiveDirectoryState() {
        LdapDirectory ad = directory.activeDirectory();
        LdapDirectory plain = new LdapDirectory(ad.url(), ad.bindDn(), ad.bindPassword(), ad.userSearchBase(),
                ad.userFilter(), ad.groupSearchBase(), GroupResolution.MEMBER_OF_NESTED, false, ad.timeout());
        try (LdapAuthenticator ldap = new LdapAuthenticator(plain, ActiveDirectorySignInTest.CLOCK)) {
            assertEquals("dave", ldap.authenticate("dave", "Dormant-Account-7").attribute("sAMAccountName").orElseThrow());
        }
    }
}
