package io.gatehouse.federation.ldap;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A domain controller refuses the bind itself for some account states, naming the Win32 error in
 * its diagnostic message; the directory here answers binds exactly so.
 */
class ActiveDirectoryBindRefusalTest {

    static final String DIAGNOSTIC = "80090308: LdapErr: DSID-0C09042F, comment: AcceptSecurityContext error, data %s, v4563";

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

    @ParameterizedTest(name = "data {0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "775 | The account is locked",
            "533 | The account is disabled",
            "532 | The password has expired",
            "773 | The password must be changed before signing in",
            "701 | The account has expired"})
    void namesTheReasonAnActiveDirectoryBindWasRefused(String subCode, String reason) throws Exception {
        directory.refuseBindsAs(ActiveDirectorySignInTest.ALICE_DN, DIAGNOSTIC.formatted(subCode));

        IamException e = assertThrows(IamException.class, () -> authenticator.authenticate("alice", "Wonderland-1865"));

        assertEquals(ErrorCode.ACCESS_DENIED, e.code());
        assertEquals(reason, e.getMessage());
    }

    @ParameterizedTest(name = "data {0}")
    @CsvSource({"52e", "525", "0"})
    void keepsBadPasswordAndUnknownUserIndistinguishable(String subCode) throws Exception {
        directory.refuseBindsAs(ActiveDirectorySignInTest.ALICE_DN, DIAGNOSTIC.formatted(subCode));

        IamException e = assertThrows(IamException.class, () -> authenticator.authenticate("alice", "Wonderland-1865"));

        assertEquals(LdapAuthenticator.REFUSED, e.getMessage());
    }

    @ParameterizedTest(name = "data {0}")
    @CsvSource({"775", "533"})
    void plainLdapDirectoryDoesNotInterpretDiagnostics(String subCode) throws Exception {
        directory.refuseBindsAs(ActiveDirectorySignInTest.ALICE_DN, DIAGNOSTIC.formatted(subCode));
        LdapDirectory ad = directory.activeDirectory();
        LdapDirectory plain = new LdapDirectory(ad.url(), ad.bindDn(), ad.bindPassword(), ad.userSearchBase(),
                ad.userFilter(), ad.groupSearchBase(), GroupResolution.MEMBER_OF_NESTED, false, ad.timeout());

        try (LdapAuthenticator ldap = new LdapAuthenticator(plain, ActiveDirectorySignInTest.CLOCK)) {
            IamException e = assertThrows(IamException.class, () -> ldap.authenticate("alice", "Wonderland-1865"));
            assertEquals(LdapAuthenticator.REFUSED, e.getMessage());
        }
    }
}
