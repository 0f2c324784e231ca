package io.gatehouse.web.query;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.port.PageRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of an AWS Query request (form body and query string), with AWS's encoding of
 * lists ({@code Tags.member.1.Key}) and AWS's errors for missing or malformed values.
 */
public final class QueryParameters {

    private final Map<String, String> values;

    public QueryParameters(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Parses {@code application/x-www-form-urlencoded} text; later duplicates of a name are refused. */
    public static Map<String, String> parseForm(String encoded, Map<String, String> into) {
        if (encoded == null || encoded.isEmpty()) {
            return into;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (into.putIfAbsent(name, value) != null) {
                throw new IamException(ErrorCode.INVALID_PARAMETER_COMBINATION,
                        "The parameter " + name + " was given more than once.");
            }
        }
        return into;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IamException(ErrorCode.MALFORMED_QUERY_STRING, "The request is not correctly URL-encoded: " + text);
        }
    }

    public Map<String, String> asMap() {
        return values;
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String required(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IamException(ErrorCode.MISSING_PARAMETER,
                    "The request must contain the parameter " + name + ".");
        }
        return value;
    }

    public Optional<Integer> optionalInt(String name) {
        return optional(name).map(value -> {
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw IamException.validation("1 validation error detected: Value '" + value + "' at '"
                        + Character.toLowerCase(name.charAt(0)) + name.substring(1)
                        + "' failed to satisfy constraint: Member must be a number");
            }
        });
    }

    /** A boolean parameter as the SDKs and the CLI send it: {@code true} or {@code false}, in any case. */
    public Optional<Boolean> optionalBoolean(String name) {
        return optional(name).map(value -> switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw IamException.validation("1 validation error detected: Value '" + value + "' at '"
                    + Character.toLowerCase(name.charAt(0)) + name.substring(1)
                    + "' failed to satisfy constraint: Member must be a boolean");
        });
    }

    /** {@code Marker} and {@code MaxItems} (1..1000, default 100) of an IAM list call. */
    public PageRequest page() {
        int maxItems = optionalInt("MaxItems").map(n -> Constraint.maxItems("MaxItems", n))
                .orElse(PageRequest.DEFAULT_MAX_ITEMS);
        return new PageRequest(optional("Marker"), maxItems);
    }

    /** A list parameter: {@code Name.member.1}, {@code Name.member.2}, ... in index order. */
    public List<String> list(String name) {
        List<String> items = new ArrayList<>();
        for (int i = 1; values.containsKey(name + ".member." + i); i++) {
            items.add(values.get(name + ".member." + i));
        }
        return items;
    }

    /** {@code Tags.member.N.Key} / {@code .Value}; a key without a value is a missing parameter. */
    public List<Tag> tags(String name) {
        List<Tag> tags = new ArrayList<>();
        for (int i = 1; values.containsKey(name + ".member." + i + ".Key"); i++) {
            String prefix = name + ".member." + i;
            tags.add(new Tag(values.get(prefix + ".Key"), required(prefix + ".Value")));
        }
        return tags;
    }
}
