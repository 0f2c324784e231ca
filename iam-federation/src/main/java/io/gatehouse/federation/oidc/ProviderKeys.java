package io.gatehouse.federation.oidc;

import com.nimbusds.jose.jwk.JWKSet;

import java.util.Objects;

/**
 * What an OpenID Connect provider publishes for verifying its tokens: the issuer its discovery
 * document declares, and its JWK set (public keys only).
 */
public record ProviderKeys(String declaredIssuer, JWKSet keys) {

    public ProviderKeys {
        Objects.requireNonNull(declaredIssuer, "declaredIssuer");
        keys = Objects.requireNonNull(keys, "keys").toPublicJWKSet();
    }
}
