package io.gatehouse.federation.oidc;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The OpenID Connect providers a web identity token may come from (one account's registrations). */
@FunctionalInterface
public interface OidcProviders {

    /**
     * The provider registered for the token's (not yet verified) {@code iss} claim, compared as
     * {@link OidcProviderTrust#issuerKey(String)} normalizes it.
     */
    Optional<OidcProviderTrust> byIssuer(String issuerClaim);

    /** A fixed set of providers; two registrations for one issuer are refused, as AWS refuses them. */
    static OidcProviders of(Collection<OidcProviderTrust> providers) {
        Map<String, OidcProviderTrust> byKey = new HashMap<>();
        for (OidcProviderTrust provider : providers) {
            if (byKey.putIfAbsent(provider.issuerKey(), provider) != null) {
                throw new IllegalArgumentException("Provider with url " + provider.issuer() + " already exists.");
            }
        }
        Map<String, OidcProviderTrust> registered = Map.copyOf(byKey);
        return issuerClaim -> OidcProviderTrust.issuerKey(issuerClaim).map(registered::get);
    }

    static OidcProviders of(OidcProviderTrust... providers) {
        return of(List.of(providers));
    }
}
