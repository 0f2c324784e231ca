package io.gatehouse.core.sts;

import io.gatehouse.core.credential.SealedSecret;

import java.time.Instant;
import java.util.Objects;

/**
 * A key that signs bearer tokens (ES256): its public half as a JWK, published at the JWKS
 * endpoint, and its private half sealed under the master key. Stored so every node signs with
 * the same key and verifies the others' tokens.
 */
public record SigningKey(String keyId, String publicJwk, SealedSecret sealedPrivateJwk, Instant created) {

    public SigningKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(publicJwk, "publicJwk");
        Objects.requireNonNull(sealedPrivateJwk, "sealedPrivateJwk");
        Objects.requireNonNull(created, "created");
    }
}
