package io.gatehouse.federation.sts;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.OpenIdConnectProvider;
import io.gatehouse.core.port.OpenIdConnectProviderRepository;
import io.gatehouse.federation.oidc.OidcProviderTrust;
import io.gatehouse.federation.oidc.OidcProviders;

import java.util.Objects;
import java.util.Optional;

/**
 * The OpenID Connect providers registered in one account: AWS looks a web identity token's issuer
 * up in the account that owns the role.
 */
public final class AccountOidcProviders implements OidcProviders {

    private final OpenIdConnectProviderRepository repository;
    private final AccountId account;

    public AccountOidcProviders(OpenIdConnectProviderRepository repository, AccountId account) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.account = Objects.requireNonNull(account, "account");
    }

    @Override
    public Optional<OidcProviderTrust> byIssuer(String issuerClaim) {
        return registered(issuerClaim).map(provider -> new OidcProviderTrust(provider.url(), provider.clientIds()));
    }

    /** The registration for the claim: keyed, like the ARN, by the URL without its scheme. */
    public Optional<OpenIdConnectProvider> registered(String issuerClaim) {
        return OidcProviderTrust.issuerKey(issuerClaim).flatMap(key -> {
            String withoutScheme = key.substring(key.indexOf("://") + 3);
            return repository.find(account, withoutScheme)
                    .filter(provider -> new OidcProviderTrust(provider.url(), provider.clientIds()).issuerKey().equals(key));
        });
    }
}
