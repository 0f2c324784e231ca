package io.gatehouse.core.identity;

import io.gatehouse.core.arn.AccountId;

import java.time.Instant;
import java.util.Objects;

/** An account: the boundary of every name, policy and quota, with a root user signing in by e-mail. */
public record Account(AccountId id, String name, String rootEmail, Instant createDate) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rootEmail, "rootEmail");
        Objects.requireNonNull(createDate, "createDate");
    }
}
