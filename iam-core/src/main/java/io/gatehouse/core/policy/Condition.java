package io.gatehouse.core.policy;

import io.gatehouse.core.policy.json.Position;
import java.util.List;
import java.util.Objects;

/**
 * One operator/key pair of a {@code Condition} block with its values. The values of one pair are
 * alternatives (OR); the pairs of a statement must all hold (AND).
 */
public record Condition(ConditionOperator operator, String key, List<String> values, Position position) {
    public Condition {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(key, "key");
        values = List.copyOf(values);
        Objects.requireNonNull(position, "position");
    }
}
