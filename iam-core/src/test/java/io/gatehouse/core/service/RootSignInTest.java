package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.PasswordHasher;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Account;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The root user signs in with the account's e-mail; every failure reads the same. */
class RootSignInTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final PasswordHasher hasher = new PasswordHasher();
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final RootSignIn signIn = new RootSignIn(accounts, hasher);

    RootSignInTest() {
        accounts.create(new Account(ACCOUNT, "prod", "Owner@Example.com", NOW), hasher.hash("Correct-h0rse".toCharArray()));
    }

    @Test
    void theRightPasswordSignsInTheRootOfTheAccountWhoseEmailMatchesCaseInsensitively() {
        Caller caller = signIn.signIn("owner@example.com", "Correct-h0rse");

        assertTrue(caller.isRoot());
        assertEquals("arn:aws:iam::123456789012:root", caller.arn().toString());
    }

    @Test
    void aWrongPasswordAnUnknownEmailAndARootWithoutPasswordReadTheSame() {
        accounts.create(new Account(new AccountId("210987654321"), "new", "new@example.com", NOW),
                PasswordHasher.NO_PASSWORD);

        String wrong = failure("owner@example.com", "Wrong-h0rse");
        assertEquals(wrong, failure("nobody@example.com", "Correct-h0rse"));
        assertEquals(wrong, failure("new@example.com", "Correct-h0rse"));
        assertEquals(ConsoleSignIn.FAILED, wrong);
    }

    @Test
    void anEmailThatTwoAccountsShareSignsNoOneIn() {
        accounts.create(new Account(new AccountId("210987654321"), "twin", "owner@example.com", NOW),
                hasher.hash("Correct-h0rse".toCharArray()));

        assertEquals(ConsoleSignIn.FAILED, failure("owner@example.com", "Correct-h0rse"));
    }

    private String failure(String email, String password) {
        IamException e = assertThrows(IamException.class, () -> signIn.signIn(email, password));
        assertEquals(ErrorCode.ACCESS_DENIED, e.code());
        return e.getMessage();
    }
}
