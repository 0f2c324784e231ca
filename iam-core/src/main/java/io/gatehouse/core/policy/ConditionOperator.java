package io.gatehouse.core.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * A full operator as written in a policy: an optional set qualifier ({@code ForAllValues:} or
 * {@code ForAnyValue:}), a base operator, and the optional {@code IfExists} suffix.
 */
public record ConditionOperator(SetQualifier qualifier, ConditionOperatorType type, boolean ifExists) {

    /** How a multi-valued request key is compared with the policy's values. */
    public enum SetQualifier {
        /** No qualifier: the key is treated as single-valued (any of its values may match). */
        NONE(""),
        FOR_ALL_VALUES("ForAllValues:"),
        FOR_ANY_VALUE("ForAnyValue:");

        private final String prefix;

        SetQualifier(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    private static final String IF_EXISTS = "IfExists";

    public ConditionOperator {
        Objects.requireNonNull(qualifier, "qualifier");
        Objects.requireNonNull(type, "type");
        if (type == ConditionOperatorType.NULL && (ifExists || qualifier != SetQualifier.NONE)) {
            throw new IllegalArgumentException("Null takes neither a set qualifier nor IfExists");
        }
    }

    /** Parses an operator name, e.g. {@code ForAnyValue:StringLikeIfExists}. */
    public static Optional<ConditionOperator> fromJson(String name) {
        SetQualifier qualifier = SetQualifier.NONE;
        String rest = name;
        for (SetQualifier q : SetQualifier.values()) {
            if (q != SetQualifier.NONE && rest.startsWith(q.prefix())) {
                qualifier = q;
                rest = rest.substring(q.prefix().length());
                break;
            }
        }
        boolean ifExists = rest.endsWith(IF_EXISTS);
        if (ifExists) {
            rest = rest.substring(0, rest.length() - IF_EXISTS.length());
        }
        Optional<ConditionOperatorType> type = ConditionOperatorType.fromJson(rest);
        if (type.isEmpty() || (type.get() == ConditionOperatorType.NULL
                && (ifExists || qualifier != SetQualifier.NONE))) {
            return Optional.empty();
        }
        return Optional.of(new ConditionOperator(qualifier, type.get(), ifExists));
    }

    public String jsonName() {
        return qualifier.prefix() + type.jsonName() + (ifExists ? IF_EXISTS : "");
    }
}
