package io.gatehouse.core.policy;

import java.util.Optional;

/** Every base condition operator of the IAM policy language, each with its family and polarity. */
public enum ConditionOperatorType {
    STRING_EQUALS("StringEquals", Family.STRING, false),
    STRING_NOT_EQUALS("StringNotEquals", Family.STRING, true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", Family.STRING, false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", Family.STRING, true),
    STRING_LIKE("StringLike", Family.STRING, false),
    STRING_NOT_LIKE("StringNotLike", Family.STRING, true),
    NUMERIC_EQUALS("NumericEquals", Family.NUMERIC, false),
    NUMERIC_NOT_EQUALS("NumericNotEquals", Family.NUMERIC, true),
    NUMERIC_LESS_THAN("NumericLessThan", Family.NUMERIC, false),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Family.NUMERIC, false),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Family.NUMERIC, false),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Family.NUMERIC, false),
    DATE_EQUALS("DateEquals", Family.DATE, false),
    DATE_NOT_EQUALS("DateNotEquals", Family.DATE, true),
    DATE_LESS_THAN("DateLessThan", Family.DATE, false),
    DATE_LESS_THAN_EQUALS("DateLessThanEquals", Family.DATE, false),
    DATE_GREATER_THAN("DateGreaterThan", Family.DATE, false),
    DATE_GREATER_THAN_EQUALS("DateGreaterThanEquals", Family.DATE, false),
    BOOL("Bool", Family.BOOL, false),
    BINARY_EQUALS("BinaryEquals", Family.BINARY, false),
    IP_ADDRESS("IpAddress", Family.IP_ADDRESS, false),
    NOT_IP_ADDRESS("NotIpAddress", Family.IP_ADDRESS, true),
    ARN_EQUALS("ArnEquals", Family.ARN, false),
    ARN_LIKE("ArnLike", Family.ARN, false),
    ARN_NOT_EQUALS("ArnNotEquals", Family.ARN, true),
    ARN_NOT_LIKE("ArnNotLike", Family.ARN, true),
    NULL("Null", Family.NULL, false);

    /** Operator families; variables are substituted only in string and ARN values. */
    public enum Family {
        STRING, NUMERIC, DATE, BOOL, BINARY, IP_ADDRESS, ARN, NULL;

        public boolean supportsVariables() {
            return this == STRING || this == ARN;
        }
    }

    private final String jsonName;
    private final Family family;
    private final boolean negated;

    ConditionOperatorType(String jsonName, Family family, boolean negated) {
        this.jsonName = jsonName;
        this.family = family;
        this.negated = negated;
    }

    public String jsonName() {
        return jsonName;
    }

    public Family family() {
        return family;
    }

    /** Negated operators hold when the key matches none of the values, and when the key is absent. */
    public boolean negated() {
        return negated;
    }

    /** The positive operator whose result a negated one inverts; a positive one is its own. */
    public ConditionOperatorType positive() {
        return switch (this) {
            case STRING_NOT_EQUALS -> STRING_EQUALS;
            case STRING_NOT_EQUALS_IGNORE_CASE -> STRING_EQUALS_IGNORE_CASE;
            case STRING_NOT_LIKE -> STRING_LIKE;
            case NUMERIC_NOT_EQUALS -> NUMERIC_EQUALS;
            case DATE_NOT_EQUALS -> DATE_EQUALS;
            case NOT_IP_ADDRESS -> IP_ADDRESS;
            case ARN_NOT_EQUALS -> ARN_EQUALS;
            case ARN_NOT_LIKE -> ARN_LIKE;
            default -> this;
        };
    }

    public static Optional<ConditionOperatorType> fromJson(String name) {
        for (ConditionOperatorType t : values()) {
            if (t.jsonName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
