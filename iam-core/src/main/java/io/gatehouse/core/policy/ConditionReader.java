package io.gatehouse.core.policy;

import static io.gatehouse.core.policy.PolicyParser.fail;
import static io.gatehouse.core.policy.PolicyParser.requireObject;

import io.gatehouse.core.policy.json.JsonValue;
import io.gatehouse.core.policy.json.JsonValue.JsonArray;
import io.gatehouse.core.policy.json.JsonValue.JsonObject;
import io.gatehouse.core.policy.json.JsonValue.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Validates a {@code Condition} block: known operators, and values of the type each family needs. */
final class ConditionReader {
    private final PolicyVersion version;

    ConditionReader(PolicyVersion version) {
        this.version = version;
    }

    List<Condition> read(Optional<Member> block) {
        if (block.isEmpty()) {
            return List.of();
        }
        JsonObject operators = requireObject(block.get().value(), "Condition");
        List<Condition> out = new ArrayList<>();
        for (Member op : operators.members().values()) {
            ConditionOperator operator = ConditionOperator.fromJson(op.key()).orElseThrow(
                    () -> fail("Unknown condition operator " + op.key(), op.keyPosition()));
            JsonObject keys = requireObject(op.value(), "The body of " + op.key());
            if (keys.members().isEmpty()) {
                throw fail(op.key() + " must name at least one condition key", keys.position());
            }
            for (Member key : keys.members().values()) {
                if (key.key().isBlank()) {
                    throw fail("A condition key must not be empty", key.keyPosition());
                }
                List<String> values = values(key.value(), operator);
                out.add(new Condition(operator, key.key(), values, key.keyPosition()));
            }
        }
        return out;
    }

    private List<String> values(JsonValue value, ConditionOperator operator) {
        List<JsonValue> raw = value instanceof JsonArray array ? array.elements() : List.of(value);
        if (raw.isEmpty()) {
            throw fail("A condition key needs at least one value", value.position());
        }
        List<String> out = new ArrayList<>(raw.size());
        for (JsonValue v : raw) {
            String text = JsonValue.scalarText(v).orElseThrow(() -> fail(
                    "A condition value must be a string, number or boolean, not a " + v.typeName(),
                    v.position()));
            checkType(operator.type(), text, v);
            out.add(text);
        }
        return out;
    }

    private void checkType(ConditionOperatorType type, String text, JsonValue at) {
        boolean valid = switch (type.family()) {
            case STRING, ARN -> true;
            case NUMERIC -> !Double.isNaN(ConditionValues.number(text));
            case DATE -> ConditionValues.dateMillis(text) != ConditionValues.NOT_A_DATE;
            case BOOL, NULL -> ConditionValues.isBoolean(text);
            case BINARY -> ConditionValues.binary(text) != null;
            case IP_ADDRESS -> IpRange.parse(text).isPresent();
        };
        if (!valid) {
            throw fail("Invalid value " + text + " for condition operator " + type.jsonName()
                    + " (expected " + expected(type.family()) + ")", at.position());
        }
    }

    private static String expected(ConditionOperatorType.Family family) {
        return switch (family) {
            case NUMERIC -> "a number";
            case DATE -> "an ISO 8601 date or epoch seconds";
            case BOOL, NULL -> "true or false";
            case BINARY -> "base64";
            case IP_ADDRESS -> "an IPv4 or IPv6 address or CIDR block";
            default -> "a string";
        };
    }

    PolicyVersion version() {
        return version;
    }
}
