package io.gatehouse.federation.ldap;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DirectoryOutageTest {

    TestDirectory directory;

    @BeforeEach
    void start() throws Exception {
        directory = new TestDirectory();
    }

    @AfterEach
    void stop() {
        directory.close();
    }

    @Test
    void reportsUnreachableDirectoryAsCommunicationError() {
        LdapDirectory down = directory.activeDirectory();
        directory.close();

        try (LdapAuthenticator authenticator = new LdapAuthenticator(down, ActiveDirectorySignInTest.CLOCK)) {
            IamException e = assertThrows(IamException.class, () -> authenticator.authenticate("alice", "Wonderland-1865"));

            assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, e.code());
        }
    }

    @Test
    void reportsDirectoryThatWentDownAfterStartAsCommunicationError() {
        try (LdapAuthenticator authenticator = new LdapAuthenticator(directory.activeDirectory(), ActiveDirectorySignInTest.CLOCK)) {
            authenticator.authenticate("alice", "Wonderland-1865");
            directory.server().shutDown(true);

            IamException e = assertThrows(IamException.class, () -> authenticator.authenticate("alice", "Wonderland-1865"));

            assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, e.code());
        }
    }

    @Test
    void recoversWhenTheDirectoryComesBack() throws Exception {
        try (LdapAuthenticator authenticator = new LdapAuthenticator(directory.activeDirectory(), ActiveDirectorySignInTest.CLOCK)) {
            authenticator.authenticate("alice", "Wonderland-1865");
            int port = directory.server().getListenPort();
            directory.server().shutDown("loopback", true);
            assertThrows(IamException.class, () -> authenticator.authenticate("alice", "Wonderland-1865"));

            directory.server().startListening("loopback");

            assertEquals(port, directory.server().getListenPort());
            assertEquals("alice", authenticator.authenticate("alice", "Wonderland-1865").loginName());
        }
    }

    @Test
    void reportsRefusedServiceAccountWithoutItsPassword() {
        LdapDirectory ad = directory.activeDirectory();
        String wrongPassword = "not-the-service-secret";
        LdapDirectory misconfigured = new LdapDirectory(ad.url(), ad.bindDn(), wrongPassword, ad.userSearchBase(),
                ad.userFilter(), ad.groupSearchBase(), ad.groups(), true, Duration.ofSeconds(5));

        try (LdapAuthenticator authenticator = new LdapAuthenticator(misconfigured, ActiveDirectorySignInTest.CLOCK)) {
            IamException e = assertThrows(IamException.class, () -> authenticator.authenticate("alice", "Wonderland-1865"));

            assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, e.code());
            assertEquals("The directory 127.0.0.1:" + ad.port() + " refused the service account " + ad.bindDn(), e.getMessage());
            assertFalse(e.getMessage().contains(wrongPassword));
        }
    }

    @Test
    void reportsMissingSearchBaseAsCommunicationError() {
        LdapDirectory ad = directory.activeDirectory();
        LdapDirectory misconfigured = new LdapDirectory(ad.url(), ad.bindDn(), ad.bindPassword(),
                "OU=Nowhere," + TestDirectory.BASE, ad.userFilter(), ad.groupSearchBase(), ad.groups(), true, ad.timeout());

        try (LdapAuthenticator authenticator = new LdapAuthenticator(misconfigured, ActiveDirectorySignInTest.CLOCK)) {
            IamException e = assertThrows(IamException.class, () -> authenticator.authenticate("alice", "Wonderland-1865"));

            assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, e.code());
        }
    }
}
