package io.gatehouse.core.port;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.Account;

import java.util.Optional;

public interface AccountRepository {
    Optional<Account> find(AccountId id);

    /** Whether any account exists: the server bootstraps only an empty database. */
    boolean isEmpty();

    void create(Account account, String rootPasswordHash);

    Optional<String> rootPasswordHash(AccountId id);

    /** The account created first (the bootstrapped one), if any. */
    Optional<AccountId> oldest();
}
