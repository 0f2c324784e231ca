package io.gatehouse.federation.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ActiveDirectoryAccountTest {

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void readsTheSubCodeFromADomainControllersDiagnostic() {
        assertEquals(Optional.of(ActiveDirectoryAccount.LOCKED), ActiveDirectoryAccount.bindRefusal(
                "80090308: LdapErr: DSID-0C09042F, comment: AcceptSecurityContext error, data 775, v2580"));
    }

    @Test
    void findsNoReasonInAnOrdinaryBadPasswordOrAMissingDiagnostic() {
        assertEquals(Optional.empty(), ActiveDirectoryAccount.bindRefusal(
                "80090308: LdapErr: DSID-0C09042F, comment: AcceptSecurityContext error, data 52e, v2580"));
        assertEquals(Optional.empty(), ActiveDirectoryAccount.bindRefusal("Invalid credentials"));
        assertEquals(Optional.empty(), ActiveDirectoryAccount.bindRefusal(null));
    }

    @Test
    void convertsFileTimesBothWays() {
        assertEquals(Instant.parse("1601-01-01T00:00:00Z"), ActiveDirectoryAccount.fromFileTime(0));
        assertEquals(Instant.parse("2025-11-22T00:00:00Z"), ActiveDirectoryAccount.fromFileTime(134_082_432_000_000_000L));
        assertEquals(134_082_432_000_000_000L, ActiveDirectoryAccount.toFileTime(Instant.parse("2025-11-22T00:00:00Z")));
    }

    @Test
    void accountThatNeverExpiresIsInGoodStanding() {
        assertEquals(Optional.empty(), ActiveDirectoryAccount.standingRefusal(
                user("512", "0", String.valueOf(Long.MAX_VALUE)), NOW));
        assertEquals(Optional.empty(), ActiveDirectoryAccount.standingRefusal(user("512", "0", "0"), NOW));
    }

    @Test
    void lockoutFlagLocksAsLockoutTimeDoes() {
        assertEquals(Optional.of(ActiveDirectoryAccount.LOCKED),
                ActiveDirectoryAccount.standingRefusal(user(String.valueOf(512 | 0x10), "0", "0"), NOW));
    }

    @Test
    void expiredPasswordFlagRefuses() {
        assertEquals(Optional.of(ActiveDirectoryAccount.PASSWORD_EXPIRED),
                ActiveDirectoryAccount.standingRefusal(user(String.valueOf(512 | 0x800000), "0", "0"), NOW));
    }

    @Test
    void accountExpiresAtItsInstantExactly() {
        String expiry = String.valueOf(ActiveDirectoryAccount.toFileTime(NOW));

        assertEquals(Optional.of(ActiveDirectoryAccount.ACCOUNT_EXPIRED),
                ActiveDirectoryAccount.standingRefusal(user("512", "0", expiry), NOW));
        assertEquals(Optional.empty(),
                ActiveDirectoryAccount.standingRefusal(user("512", "0", expiry), NOW.minusNanos(100)));
    }

    @Test
    void unreadableStateRefuses() {
        assertEquals(true, ActiveDirectoryAccount.standingRefusal(user("enabled", "0", "0"), NOW).isPresent());
    }

    @Test
    void inChainFilterUsesActiveDirectorysTransitiveMatchingRule() throws Exception {
        assertEquals("(member:1.2.840.113556.1.4.1941:=CN=Alice Liddell,OU=Users,DC=corp,DC=example)",
                LdapAuthenticator.inChainFilter(new DN(ActiveDirectorySignInTest.ALICE_DN)).toString());
    }

    @Test
    void groupNameIsTheCommonNameOfTheGroup() throws Exception {
        assertEquals("Domain Admins", LdapAuthenticator.commonName(new DN("CN=Domain Admins,CN=Users,DC=corp,DC=example")));
        assertEquals("ops", LdapAuthenticator.commonName(new DN("ou=ops,dc=example")));
    }

    private static Entry user(String control, String lockoutTime, String accountExpires) {
        Entry entry = new Entry("CN=u,DC=corp,DC=example");
        entry.addAttribute("userAccountControl", control);
        entry.addAttribute("lockoutTime", lockoutTime);
        entry.addAttribute("accountExpires", accountExpires);
        return entry;
    }
}
