package io.gatehouse.core.port;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.Account;

import java.time.Instant;
import java.util.Optional;

public interface AccountRepository {
    Optional<Account> find(AccountId id);

    /** Whether any account exists: the server bootstraps only an empty database. */
    boolean isEmpty();

    void create(Account account, String rootPasswordHash);

    Optional<String> rootPasswordHash(AccountId id);

    /**
     * The account whose root user signs in with this e-mail, compared case-insensitively. Empty
     * when none does, and also when more than one does (create-account refuses a used e-mail, so
     * only data written around that rule can have two): the e-mail then names no one.
     */
    Optional<Account> findByRootEmail(String email);

    /** The root user's password, when it has one: its hash and when it was set. */
    Optional<RootLoginProfile> rootLoginProfile(AccountId id);

    /** Sets the root user's password hash; {@link io.gatehouse.core.credential.PasswordHasher#NO_PASSWORD} removes it. */
    void setRootPasswordHash(AccountId id, String passwordHash, Instant setAt);

    /** The root user's console password, as {@code GetLoginProfile} reports it without a user name. */
    record RootLoginProfile(AccountId account, String passwordHash, Instant createDate) {
        public RootLoginProfile {
            java.util.Objects.requireNonNull(account, "account");
            java.util.Objects.requireNonNull(passwordHash, "passwordHash");
            java.util.Objects.requireNonNull(createDate, "createDate");
        }

        @Override
        public String toString() {
            return "RootLoginProfile[" + account + ", created " + createDate + "]";
        }
    }

    /** The account created first (the bootstrapped one), if any. */
    Optional<AccountId> oldest();
}
