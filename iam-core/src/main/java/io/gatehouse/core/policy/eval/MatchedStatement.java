package io.gatehouse.core.policy.eval;

import io.gatehouse.core.policy.Effect;
import java.util.Objects;
import java.util.Optional;

/** A statement that applied to a request: which policy, which statement, and its effect. */
public record MatchedStatement(String policyName, PolicyType policyType, Optional<String> sid, int index,
                               Effect effect) {
    public MatchedStatement {
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(policyType, "policyType");
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(effect, "effect");
    }

    /** The {@code Sid}, or {@code #n} for the n-th (0-based) statement when it has none. */
    public String statementLabel() {
        return sid.orElse("#" + index);
    }

    @Override
    public String toString() {
        return effect.jsonName() + " by " + policyName + " statement " + statementLabel();
    }
}
