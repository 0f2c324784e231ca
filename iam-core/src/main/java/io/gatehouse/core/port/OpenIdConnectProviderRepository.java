package io.gatehouse.core.port;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.OpenIdConnectProvider;

import java.util.List;
import java.util.Optional;

/** OIDC providers (with client ids, thumbprints and tags), one per {@link OpenIdConnectProvider#key()} and account. */
public interface OpenIdConnectProviderRepository {
    /** @param key the URL without its scheme, as in the provider's ARN */
    Optional<OpenIdConnectProvider> find(AccountId account, String key);

    /** Every OIDC provider of the account (at most the quota), ordered by key. */
    List<OpenIdConnectProvider> list(AccountId account);

    long count(AccountId account);

    /** @throws io.gatehouse.core.error.IamException EntityAlreadyExists when a provider has the same key */
    void create(OpenIdConnectProvider provider);

    /** Saves the client ids, thumbprints and tags. */
    void update(OpenIdConnectProvider provider);

    void delete(OpenIdConnectProvider provider);
}
