package io.gatehouse.core.identity;

import java.time.Instant;
import java.util.Objects;

/** When and in which region a role was last assumed, as GetRole's RoleLastUsed reports it. */
public record RoleLastUsed(Instant lastUsedDate, String region) {
    public RoleLastUsed {
        Objects.requireNonNull(lastUsedDate, "lastUsedDate");
        Objects.requireNonNull(region, "region");
    }
}
