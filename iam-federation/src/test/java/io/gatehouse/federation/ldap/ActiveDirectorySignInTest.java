package io.gatehouse.federation.ldap;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActiveDirectorySignInTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
    static final String ALICE_DN = "CN=Alice Liddell,OU=Users," + TestDirectory.BASE;

    static TestDirectory directory;
    static LdapAuthenticator authenticator;

    @BeforeAll
    static void start() throws Exception {
        directory = new TestDirectory();
        authenticator = new LdapAuthenticator(directory.activeDirectory(), CLOCK);
    }

    @AfterAll
    static void stop() {
        authenticator.close();
        directory.close();
    }

    @Test
    void signsInBySamAccountName() {
        DirectoryIdentity alice = authenticator.authenticate("alice", "Wonderland-1865");

        assertEquals(ALICE_DN, alice.dn());
        assertEquals("alice", alice.loginName());
        assertEquals(List.of("alice@corp.example"), alice.attributes().get("mail"));
        assertEquals("Alice Liddell", alice.attribute("displayname").orElseThrow());
        assertEquals("Research", alice.attribute("department").orElseThrow());
    }

    @Test
    void signsInByUserPrincipalName() {
        DirectoryIdentity alice = authenticator.authenticate("alice@corp.example", "Wonderland-1865");

        assertEquals(ALICE_DN, alice.dn());
        assertEquals("alice", alice.attribute("sAMAccountName").orElseThrow());
    }

    @Test
    void neverReturnsThePasswordAttribute() {
        DirectoryIdentity alice = authenticator.authenticate("alice", "Wonderland-1865");

        assertFalse(alice.attribute("userPassword").isPresent());
    }

    @Test
    void refusesWrongPassword() {
        IamException e = assertThrows(IamException.class, () -> authenticator.authenticate("alice", "Wonderland-1866"));

        assertEquals(ErrorCode.ACCESS_DENIED, e.code());
        assertEquals(LdapAuthenticator.REFUSED, e.getMessage());
    }

    @Test
    void refusesUnknownUserExactlyAsAWrongPassword() {
        IamException unknown = assertThrows(IamException.class, () -> authenticator.authenticate("mallory", "Wonderland-1865"));
        IamException wrong = assertThrows(IamException.class, () -> authenticator.authenticate("alice", "not-her-password"));

        assertEquals(wrong.code(), unknown.code());
        assertEquals(wrong.getMessage(), unknown.getMessage());
    }

    @Test
    void refusesEmptyPasswordWithoutBinding() throws Exception {
        long before = directory.bindsAs(ALICE_DN);

        IamException e = assertThrows(IamException.class, () -> authenticator.authenticate("alice", ""));

        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
        assertEquals(before, directory.bindsAs(ALICE_DN));
    }

    @Test
    void bindsAsTheUserToProveThePassword() throws Exception {
        long before = directory.bindsAs(ALICE_DN);

        authenticator.authenticate("alice", "Wonderland-1865");

        assertEquals(before + 1, directory.bindsAs(ALICE_DN));
    }

    @Test
    void loginNameCannotInjectFilterSyntax() {
        IamException e = assertThrows(IamException.class, () -> authenticator.authenticate("*)(uid=*", "Wonderland-1865"));

        assertEquals(ErrorCode.ACCESS_DENIED, e.code());
        assertEquals(LdapAuthenticator.REFUSED, e.getMessage());
    }

    @Test
    void wildcardLoginNameMatchesNoOneAndBindsNoOne() throws Exception {
        int before = userBinds();

        assertThrows(IamException.class, () -> authenticator.authenticate("*", "Wonderland-1865"));
        assertThrows(IamException.class, () -> authenticator.authenticate("al*", "Wonderland-1865"));

        assertEquals(before, userBinds());
    }

    @Test
    void refusesLoginNameMatchingTwoEntriesWithoutBinding() throws Exception {
        long before = directory.bindsAs("CN=Pat One,OU=Users," + TestDirectory.BASE)
                + directory.bindsAs("CN=Pat Two,OU=Users," + TestDirectory.BASE);

        IamException e = assertThrows(IamException.class, () -> authenticator.authenticate("pat", "Same-Name-1"));

        assertEquals(ErrorCode.ACCESS_DENIED, e.code());
        assertEquals(LdapAuthenticator.REFUSED, e.getMessage());
        assertEquals(before, directory.bindsAs("CN=Pat One,OU=Users," + TestDirectory.BASE)
                + directory.bindsAs("CN=Pat Two,OU=Users," + TestDirectory.BASE));
    }

    @Test
    void refusesOverlongLoginName() {
        IamException e = assertThrows(IamException.class,
                () -> authenticator.authenticate("a".repeat(LdapAuthenticator.MAX_LOGIN_NAME_LENGTH + 1), "x"));

        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
    }

    @Test
    void refusesLoginNameWithNul() {
        IamException e = assertThrows(IamException.class, () -> authenticator.authenticate("alice\u0000", "Wonderland-1865"));

        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
    }

    @Test
    void servesConcurrentSignInsFromOnePool() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> dns = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String login = i % 2 == 0 ? "alice" : "bob";
                String password = i % 2 == 0 ? "Wonderland-1865" : "CanWeFixIt-42";
                dns.add(threads.submit(() -> authenticator.authenticate(login, password).dn()));
            }
            for (int i = 0; i < dns.size(); i++) {
                assertEquals(i % 2 == 0 ? ALICE_DN : "CN=Bob Builder,OU=Users," + TestDirectory.BASE,
                        dns.get(i).get(10, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void logsNoPassword() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getMessage() + " " + record.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("io.gatehouse");
        logger.addHandler(capture);
        try {
            authenticator.authenticate("alice", "Wonderland-1865");
            assertThrows(IamException.class, () -> authenticator.authenticate("alice", "Wonderland-1866"));
            assertThrows(IamException.class, () -> authenticator.authenticate("pat", "Same-Name-1"));
        } finally {
            logger.removeHandler(capture);
        }

        assertFalse(logged.isEmpty(), "the ambiguous sign-in is logged");
        assertTrue(logged.stream().noneMatch(line -> line.contains("Wonderland-186") || line.contains("Same-Name-1")
                || line.contains(TestDirectory.SERVICE_PASSWORD)), logged.toString());
    }

    private int userBinds() {
        return (int) directory.binds().stream().filter(dn -> !dn.toString().startsWith("CN=Gatehouse Service")).count();
    }
}
