package io.gatehouse.federation.ldap;

import com.unboundid.ldap.sdk.Entry;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Active Directory says about an account that may not sign in: the sub-code of a refused bind
 * ({@code ... AcceptSecurityContext error, data 775, ...}) and the account-state attributes of the
 * user's entry. Each refusal reads as a sentence naming the reason.
 */
final class ActiveDirectoryAccount {

    static final String USER_ACCOUNT_CONTROL = "userAccountControl";
    static final String LOCKOUT_TIME = "lockoutTime";
    static final String ACCOUNT_EXPIRES = "accountExpires";
    static final List<String> STATE_ATTRIBUTES = List.of(USER_ACCOUNT_CONTROL, LOCKOUT_TIME, ACCOUNT_EXPIRES);

    static final String DISABLED = "The account is disabled";
    static final String LOCKED = "The account is locked";
    static final String PASSWORD_EXPIRED = "The password has expired";
    static final String PASSWORD_MUST_CHANGE = "The password must be changed before signing in";
    static final String ACCOUNT_EXPIRED = "The account has expired";

    // https://learn.microsoft.com/troubleshoot/windows-server/active-directory/useraccountcontrol-manipulate-account-properties
    private static final int ACCOUNTDISABLE = 0x2;
    private static final int LOCKOUT = 0x10;
    private static final int PASSWORD_EXPIRED_FLAG = 0x800000;

    // Win32 error codes AD reports in a refused bind's diagnostic message.
    private static final Map<String, String> BIND_SUB_CODES = Map.of(
            "530", "The account may not sign in at this time of day",
            "531", "The account may not sign in from this workstation",
            "532", PASSWORD_EXPIRED,
            "533", DISABLED,
            "701", ACCOUNT_EXPIRED,
            "773", PASSWORD_MUST_CHANGE,
            "775", LOCKED);
    private static final Pattern SUB_CODE = Pattern.compile("\\bdata ([0-9a-fA-F]{1,8})\\b");

    // accountExpires and lockoutTime are FILETIMEs: 100 ns ticks since 1601-01-01T00:00Z.
    private static final long FILETIME_EPOCH_OFFSET_SECONDS = 11_644_473_600L;
    private static final long NEVER_EXPIRES = 0x7FFF_FFFF_FFFF_FFFFL;

    private ActiveDirectoryAccount() {
    }

    /**
     * Why AD refused a bind, if its diagnostic names an account-state reason rather than a bad
     * password (52e) or an unknown user (525), which stay indistinguishable.
     */
    static Optional<String> bindRefusal(String diagnosticMessage) {
        if (diagnosticMessage == null) {
            return Optional.empty();
        }
        Matcher m = SUB_CODE.matcher(diagnosticMessage);
        return m.find() ? Optional.ofNullable(BIND_SUB_CODES.get(m.group(1).toLowerCase(Locale.ROOT))) : Optional.empty();
    }

    /** Why the account may not sign in at {@code now}, read from its entry. */
    static Optional<String> standingRefusal(Entry user, Instant now) {
        long control;
        long lockoutTime;
        long accountExpires;
        try {
            control = number(user, USER_ACCOUNT_CONTROL, 0);
            lockoutTime = number(user, LOCKOUT_TIME, 0);
            accountExpires = number(user, ACCOUNT_EXPIRES, 0);
        } catch (NumberFormatException e) {
            // State we cannot read is state we cannot vouch for.
            return Optional.of("The account's state cannot be read from the directory");
        }
        if ((control & ACCOUNTDISABLE) != 0) {
            return Optional.of(DISABLED);
        }
        if ((control & LOCKOUT) != 0 || lockoutTime > 0) {
            return Optional.of(LOCKED);
        }
        if ((control & PASSWORD_EXPIRED_FLAG) != 0) {
            return Optional.of(PASSWORD_EXPIRED);
        }
        if (accountExpires > 0 && accountExpires != NEVER_EXPIRES && !now.isBefore(fromFileTime(accountExpires))) {
            return Optional.of(ACCOUNT_EXPIRED);
        }
        return Optional.empty();
    }

    static Instant fromFileTime(long ticks) {
        return Instant.ofEpochSecond(ticks / 10_000_000L - FILETIME_EPOCH_OFFSET_SECONDS, (ticks % 10_000_000L) * 100);
    }

    static long toFileTime(Instant instant) {
        return (instant.getEpochSecond() + FILETIME_EPOCH_OFFSET_SECONDS) * 10_000_000L + instant.getNano() / 100;
    }

    private static long number(Entry entry, String attribute, long absent) {
        String value = entry.getAttributeValue(attribute);
        return value == null ? absent : Long.parseLong(value.strip());
    }
}
