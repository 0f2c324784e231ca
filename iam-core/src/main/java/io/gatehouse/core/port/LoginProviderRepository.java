package io.gatehouse.core.port;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.LoginProvider;

import java.util.List;
import java.util.Optional;

/** Sign-in providers. Names unique per account, case-insensitively; the store enforces it. */
public interface LoginProviderRepository {
    Optional<LoginProvider> findByName(AccountId account, String name);

    /** Every sign-in provider of the account, ordered by name case-insensitively. */
    List<LoginProvider> list(AccountId account);

    long count(AccountId account);

    /** @throws io.gatehouse.core.error.IamException EntityAlreadyExists when the name is taken */
    void create(LoginProvider provider);

    /** Saves the settings and the sealed secret. */
    void update(LoginProvider provider);

    void delete(LoginProvider provider);
}
