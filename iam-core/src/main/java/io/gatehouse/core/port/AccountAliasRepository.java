package io.gatehouse.core.port;

import io.gatehouse.core.arn.AccountId;

import java.util.Optional;

/** Account aliases: at most one per account, and each unique across all accounts of the server. */
public interface AccountAliasRepository {
    Optional<String> find(AccountId account);

    /**
     * Sets the account's alias, replacing the one it had.
     * @throws io.gatehouse.core.error.IamException EntityAlreadyExists when another account holds the alias
     */
    void put(AccountId account, String alias);

    void delete(AccountId account);
}
