package io.gatehouse.core.identity;

import java.time.Instant;
import java.util.Objects;

/** When, for which service and in which region a key last authenticated a request. */
public record AccessKeyLastUsed(Instant lastUsedDate, String serviceName, String region) {
    public AccessKeyLastUsed {
        Objects.requireNonNull(lastUsedDate, "lastUsedDate");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(region, "region");
    }
}
