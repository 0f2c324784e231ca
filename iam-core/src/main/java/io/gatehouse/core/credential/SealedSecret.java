package io.gatehouse.core.credential;

import java.util.Objects;

/** A secret encrypted under the master key named by {@code keyId}. */
public record SealedSecret(String keyId, byte[] ciphertext) {
    public SealedSecret {
        Objects.requireNonNull(keyId, "keyId");
        ciphertext = Objects.requireNonNull(ciphertext, "ciphertext").clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public String toString() {
        return "SealedSecret[keyId=" + keyId + "]";
    }
}
