package io.gatehouse.core.port;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.SamlProvider;

import java.util.List;
import java.util.Optional;

/** SAML providers (with their tags). Names unique per account, case-insensitively; the store enforces it. */
public interface SamlProviderRepository {
    Optional<SamlProvider> findByName(AccountId account, String name);

    /** Every SAML provider of the account (at most the quota), ordered by name case-insensitively. */
    List<SamlProvider> list(AccountId account);

    long count(AccountId account);

    /** @throws io.gatehouse.core.error.IamException EntityAlreadyExists when the name is taken */
    void create(SamlProvider provider);

    /** Saves the metadata document, its validity and the tags. */
    void update(SamlProvider provider);

    void delete(SamlProvider provider);
}
