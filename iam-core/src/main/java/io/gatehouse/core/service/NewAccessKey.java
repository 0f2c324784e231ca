package io.gatehouse.core.service;

import io.gatehouse.core.identity.AccessKey;

import java.util.Objects;

/**
 * A key just created, with its secret in clear: the only moment the secret leaves the server.
 * {@code userName} is empty for the root user's keys.
 */
public record NewAccessKey(AccessKey key, String userName, String secretAccessKey) {
    public NewAccessKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    @Override
    public String toString() {
        return "NewAccessKey[" + key.accessKeyId() + ", user=" + userName + "]";
    }
}
