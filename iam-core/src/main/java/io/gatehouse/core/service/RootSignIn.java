package io.gatehouse.core.service;

import io.gatehouse.core.credential.PasswordHasher;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Account;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.port.AccountRepository;
import io.gatehouse.core.port.AccountRepository.RootLoginProfile;

import java.util.Optional;

/**
 * The root user's console sign-in, by the account's e-mail address and the root password, as AWS
 * signs in a root user. It reads like {@link ConsoleSignIn}: every failure the same message, and an
 * unknown e-mail, or an account whose root has no password, costs a hash like a wrong password.
 * An e-mail names at most one root user: create-account refuses one already in use, and the
 * repository answers no one for an e-mail that two accounts share.
 */
public final class RootSignIn {

    /** Verified when there is no password to check, so that case takes as long as a wrong password. */
    private static final String DECOY = new PasswordHasher().hash("decoy".toCharArray());
    private static final int MAX_EMAIL_LENGTH = 320;

    private final AccountRepository accounts;
    private final PasswordHasher hasher;

    public RootSignIn(AccountRepository accounts, PasswordHasher hasher) {
        this.accounts = accounts;
        this.hasher = hasher;
    }

    /**
     * Gatehouse keeps MFA devices for IAM users only (the root user cannot enable one), so no root
     * sign-in has a device whose code it could ask for.
     */
    public Caller signIn(String email, String password) {
        if (email.isBlank() || email.length() > MAX_EMAIL_LENGTH) {
            throw IamException.validation("email must have 1 to " + MAX_EMAIL_LENGTH + " characters.");
        }
        Constraint.PASSWORD.checkSecret("password", password);
        Optional<Account> account = accounts.findByRootEmail(email);
        Optional<RootLoginProfile> profile = account.flatMap(a -> accounts.rootLoginProfile(a.id()));
        boolean matches = hasher.verify(password.toCharArray(), profile.map(RootLoginProfile::passwordHash).orElse(DECOY));
        if (!matches || profile.isEmpty()) {
            throw IamException.accessDenied(ConsoleSignIn.FAILED);
        }
        return Caller.root(account.get().id(), "");
    }
}
