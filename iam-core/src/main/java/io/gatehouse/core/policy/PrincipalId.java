package io.gatehouse.core.policy;

import java.util.Objects;

/** One entry of a {@code Principal}/{@code NotPrincipal}: e.g. {@code AWS} + an ARN or account id. */
public record PrincipalId(PrincipalType type, String value) {
    public PrincipalId {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    public static PrincipalId any() {
        return new PrincipalId(PrincipalType.ANY, "*");
    }
}
