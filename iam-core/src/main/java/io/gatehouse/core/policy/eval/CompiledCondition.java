package io.gatehouse.core.policy.eval;

import io.gatehouse.core.policy.Condition;
import io.gatehouse.core.policy.ConditionOperator;
import io.gatehouse.core.policy.ConditionOperator.SetQualifier;
import io.gatehouse.core.policy.ConditionOperatorType;
import java.util.List;
import java.util.Locale;

/**
 * One operator/key pair, compiled. AWS's rules for the key's presence:
 * <ul>
 * <li>absent key: {@code IfExists} holds; {@code ForAllValues} holds (nothing to contradict);
 *     {@code ForAnyValue} fails; otherwise positive operators fail and negated ones hold;</li>
 * <li>{@code Null}: {@code true} asks that the key be absent, {@code false} that it be present;</li>
 * <li>a negated operator holds when the value matches none of the policy's values.</li>
 * </ul>
 */
final class CompiledCondition {
    private final String key;
    private final SetQualifier qualifier;
    private final boolean ifExists;
    private final boolean negated;
    private final boolean nullCheck;
    private final boolean[] nullWantsAbsent;
    private final ValueMatcher matcher;
    private final Condition source;

    private CompiledCondition(Condition source, ValueMatcher matcher, boolean[] nullWantsAbsent) {
        ConditionOperator op = source.operator();
        this.source = source;
        this.key = source.key().toLowerCase(Locale.ROOT);
        this.qualifier = op.qualifier();
        this.ifExists = op.ifExists();
        this.negated = op.type().negated();
        this.nullCheck = op.type() == ConditionOperatorType.NULL;
        this.nullWantsAbsent = nullWantsAbsent;
        this.matcher = matcher;
    }

    static CompiledCondition compile(Condition condition, boolean variables) {
        ConditionOperatorType type = condition.operator().type();
        if (type == ConditionOperatorType.NULL) {
            List<String> values = condition.values();
            boolean[] wants = new boolean[values.size()];
            for (int i = 0; i < wants.length; i++) {
                wants[i] = "true".equalsIgnoreCase(values.get(i));
            }
            return new CompiledCondition(condition, null, wants);
        }
        return new CompiledCondition(condition, ValueMatcher.compile(type.positive(), condition.values(), variables),
                null);
    }

    Condition source() {
        return source;
    }

    boolean test(RequestContext request) {
        List<String> values = request.valuesByKey(key);
        boolean absent = values == null || values.isEmpty();
        if (nullCheck) {
            for (boolean wantsAbsent : nullWantsAbsent) {
                if (wantsAbsent == absent) {
                    return true;
                }
            }
            return false;
        }
        if (absent) {
            if (ifExists) {
                return true;
            }
            return switch (qualifier) {
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> false;
                case NONE -> negated;
            };
        }
        return switch (qualifier) {
            case NONE -> anyMatches(values, request) != negated;
            case FOR_ANY_VALUE -> forAny(values, request);
            case FOR_ALL_VALUES -> forAll(values, request);
        };
    }

    private boolean anyMatches(List<String> values, RequestContext request) {
        for (int i = 0, n = values.size(); i < n; i++) {
            if (matcher.matches(values.get(i), request)) {
                return true;
            }
        }
        return false;
    }

    /** At least one request value satisfies the operator (a negated one: matches no policy value). */
    private boolean forAny(List<String> values, RequestContext request) {
        for (int i = 0, n = values.size(); i < n; i++) {
            if (matcher.matches(values.get(i), request) != negated) {
                return true;
            }
        }
        return false;
    }

    /** Every request value satisfies the operator. */
    private boolean forAll(List<String> values, RequestContext request) {
        for (int i = 0, n = values.size(); i < n; i++) {
            if (matcher.matches(values.get(i), request) == negated) {
                return false;
            }
        }
        return true;
    }
}
