package io.gatehouse.core.identity;

import java.util.Objects;

/** A key/value tag on an IAM entity. Keys compare case-insensitively in AWS, values as given. */
public record Tag(String key, String value) {
    public Tag {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
