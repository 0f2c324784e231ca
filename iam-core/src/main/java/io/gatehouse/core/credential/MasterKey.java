package io.gatehouse.core.credential;

import java.util.Arrays;
import java.util.Objects;

/**
 * An AES-256 key that seals recoverable secrets, named by an id stored beside each sealed secret
 * so that the key can be rotated while secrets sealed under older keys stay readable.
 */
public record MasterKey(String id, byte[] key) {

    static final int KEY_BYTES = 32;

    public MasterKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        if (id.isBlank()) {
            throw new IllegalArgumentException("master key id must not be blank");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("master key '" + id + "' must be " + KEY_BYTES
                    + " bytes (AES-256), got " + key.length);
        }
        key = key.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MasterKey that && id.equals(that.id) && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** Names the key, never shows it. */
    @Override
    public String toString() {
        return "MasterKey[id=" + id + "]";
    }
}
