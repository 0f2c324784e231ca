package io.gatehouse.core.credential;

import java.util.Objects;

/** An AES-256 key that seals recoverable secrets, named so that sealed data says which key opens it. */
public record MasterKey(String id, byte[] key) {
    public MasterKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        if (key.length != 32) {
            throw new IllegalArgumentException("A master key is 32 bytes (AES-256), got " + key.length);
        }
        key = key.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public String toString() {
        return "MasterKey[id=" + id + "]";
    }
}
