package io.gatehouse.federation.oidc;

import io.gatehouse.core.federation.ProviderUrl;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an OpenID Connect provider's discovery document says a browser sign-in goes: the issuer it
 * declares, its authorization, token and (optional) user info endpoints, and whether it puts
 * {@code iss} into its authorization responses (RFC 9207 {@code authorization_response_iss_parameter_supported}).
 */
public record ProviderEndpoints(String declaredIssuer, ProviderUrl authorizationEndpoint, ProviderUrl tokenEndpoint,
                                Optional<ProviderUrl> userInfoEndpoint, boolean issuerInAuthorizationResponse) {

    public ProviderEndpoints {
        Objects.requireNonNull(declaredIssuer, "declaredIssuer");
        Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint");
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        Objects.requireNonNull(userInfoEndpoint, "userInfoEndpoint");
    }
}
