package io.gatehouse.federation.login;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Claims or user API members as the mapping rules read them: name to string values. Strings,
 * numbers and booleans give one value, arrays their scalar elements, and nested objects their
 * members under a dotted name ({@code realm_access.roles}), a few levels deep.
 */
final class FlatClaims {

    static final int MAX_DEPTH = 4;
    /** Values that bind a token to one exchange; no rule has any use for them. */
    private static final Set<String> LEFT_OUT = Set.of("nonce", "at_hash", "c_hash");

    private FlatClaims() {
    }

    static Map<String, List<String>> of(Map<String, ?> json) {
        Map<String, List<String>> flat = new LinkedHashMap<>();
        json.forEach((name, value) -> {
            if (!LEFT_OUT.contains(name)) {
                add(flat, name, value, 1);
            }
        });
        return flat;
    }

    /** A member's single value as text: a string, a number or a boolean. */
    static Optional<String> scalar(Object value) {
        if (value instanceof String text) {
            return Optional.of(text);
        }
        if (value instanceof Boolean flag) {
            return Optional.of(flag.toString());
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return Optional.of(value.toString());
        }
        if (value instanceof Number number) {
            return Optional.of(new BigDecimal(number.toString()).stripTrailingZeros().toPlainString());
        }
        return Optional.empty();
    }

    private static void add(Map<String, List<String>> flat, String name, Object value, int depth) {
        if (value instanceof Map<?, ?> object) {
            if (depth < MAX_DEPTH) {
                object.forEach((member, element) -> add(flat, name + "." + member, element, depth + 1));
            }
            return;
        }
        List<String> values = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(element -> scalar(element).ifPresent(values::add));
        } else {
            scalar(value).ifPresent(values::add);
        }
        if (!values.isEmpty() || value instanceof List<?>) {
            flat.put(name, List.copyOf(values));
        }
    }
}
