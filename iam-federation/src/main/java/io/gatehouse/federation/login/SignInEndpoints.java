package io.gatehouse.federation.login;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.federation.ProviderUrl;
import io.gatehouse.federation.oidc.OidcDiscovery;
import io.gatehouse.federation.oidc.OidcProviderTrust;
import io.gatehouse.federation.oidc.ProviderEndpoints;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a provider's sign-in happens: from the record for OAuth 2.0 providers, from the issuer's
 * discovery document (cached for an hour) for OpenID Connect ones. A sign-in reads them twice, at
 * its start and on its return, which would otherwise cost two discovery requests per person.
 */
final class SignInEndpoints {

    static final Duration TIME_TO_LIVE = Duration.ofHours(1);

    /** The endpoints of one provider, and the issuer an RFC 9207 {@code iss} must equal. */
    record Route(String issuer, ProviderUrl authorization, ProviderUrl token, boolean issuerInResponse) {
    }

    private record Cached(ProviderEndpoints endpoints, Instant fetchedAt) {
    }

    private final OidcDiscovery discovery;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    SignInEndpoints(OidcDiscovery discovery, Clock clock) {
        this.discovery = discovery;
        this.clock = clock;
    }

    Route of(LoginProvider provider) {
        if (provider instanceof OAuth2LoginProvider oauth2) {
            return new Route(oauth2.issuer(), oauth2.authorizationEndpoint(), oauth2.tokenEndpoint(), false);
        }
        ProviderEndpoints endpoints = discovered((OidcLoginProvider) provider);
        return new Route(endpoints.declaredIssuer(), endpoints.authorizationEndpoint(), endpoints.tokenEndpoint(),
                endpoints.issuerInAuthorizationResponse());
    }

    private ProviderEndpoints discovered(OidcLoginProvider provider) {
        String key = new OidcProviderTrust(provider.issuer(), List.of()).issuerKey();
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && now.isBefore(cached.fetchedAt().plus(TIME_TO_LIVE))) {
            return cached.endpoints();
        }
        ProviderEndpoints endpoints = discovery.endpoints(provider.issuer());
        // OIDC Discovery §4.3: the document must speak for the issuer it was fetched from.
        Optional<String> declared = OidcProviderTrust.issuerKey(endpoints.declaredIssuer());
        if (declared.isEmpty() || !declared.get().equals(key)) {
            throw new IamException(ErrorCode.IDP_COMMUNICATION_ERROR, "The discovery document of " + provider.issuer()
                    + " declares another issuer: " + ProviderText.description(endpoints.declaredIssuer()));
        }
        cache.put(key, new Cached(endpoints, now));
        return endpoints;
    }
}
