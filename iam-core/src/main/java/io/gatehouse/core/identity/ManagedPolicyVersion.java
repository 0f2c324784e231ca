package io.gatehouse.core.identity;

import java.time.Instant;
import java.util.Objects;

/** One document of a managed policy: {@code v1}, {@code v2}, ...; numbers are never reused. */
public record ManagedPolicyVersion(String versionId, String document, Instant createDate) {

    public ManagedPolicyVersion {
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(createDate, "createDate");
    }
}
