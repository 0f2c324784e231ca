package io.gatehouse.core.credential;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret encrypted by {@link SecretCipher}: the id of the master key that sealed it and
 * {@code ciphertext} = 12-byte random nonce || AES-GCM output (ciphertext then 16-byte tag).
 */
public record SealedSecret(String keyId, byte[] ciphertext) {

    public SealedSecret {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (keyId.isBlank()) {
            throw new IllegalArgumentException("key id must not be blank");
        }
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedSecret that && keyId.equals(that.keyId)
                && Arrays.equals(ciphertext, that.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "SealedSecret[keyId=" + keyId + ", " + ciphertext.length + " bytes]";
    }
}
