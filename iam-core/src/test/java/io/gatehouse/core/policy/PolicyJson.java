package io.gatehouse.core.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Test data builder for policy documents: tests state only what matters to them and get valid
 * JSON for everything else.
 */
public final class PolicyJson {
    private String version = "2012-10-17";
    private final List<StatementJson> statements = new ArrayList<>();

    public static PolicyJson policy() {
        return new PolicyJson();
    }

    public static StatementJson allow(String... actions) {
        return new StatementJson("Allow").action(actions);
    }

    public static StatementJson deny(String... actions) {
        return new StatementJson("Deny").action(actions);
    }

    public PolicyJson version(String version) {
        this.version = version;
        return this;
    }

    /** Omits {@code Version}, which IAM reads as 2008-10-17. */
    public PolicyJson noVersion() {
        this.version = null;
        return this;
    }

    public PolicyJson with(StatementJson statement) {
        statements.add(statement);
        return this;
    }

    public String json() {
        String body = statements.stream().map(StatementJson::json).collect(Collectors.joining(",\n    "));
        return "{\n" + (version == null ? "" : "  \"Version\": \"" + version + "\",\n")
                + "  \"Statement\": [\n    " + body + "\n  ]\n}";
    }

    @Override
    public String toString() {
        return json();
    }

    /** One statement; resource defaults to {@code *} and is omitted with {@link #noResource()}. */
    public static final class StatementJson {
        private final Map<String, String> elements = new LinkedHashMap<>();
        private final Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();

        StatementJson(String effect) {
            elements.put("Effect", quote(effect));
            elements.put("Resource", quote("*"));
        }

        public StatementJson sid(String sid) {
            elements.put("Sid", quote(sid));
            return this;
        }

        public StatementJson action(String... actions) {
            elements.remove("NotAction");
            elements.put("Action", list(actions));
            return this;
        }

        public StatementJson notAction(String... actions) {
            elements.remove("Action");
            elements.put("NotAction", list(actions));
            return this;
        }

        public StatementJson resource(String... resources) {
            elements.remove("NotResource");
            elements.put("Resource", list(resources));
            return this;
        }

        public StatementJson notResource(String... resources) {
            elements.remove("Resource");
            elements.put("NotResource", list(resources));
            return this;
        }

        public StatementJson noResource() {
            elements.remove("Resource");
            return this;
        }

        /** {@code Principal: {"AWS": [...]}}. */
        public StatementJson principal(String... awsPrincipals) {
            elements.put("Principal", "{\"AWS\": " + list(awsPrincipals) + "}");
            return this;
        }

        public StatementJson principalJson(String rawJson) {
            elements.put("Principal", rawJson);
            return this;
        }

        public StatementJson notPrincipal(String... awsPrincipals) {
            elements.put("NotPrincipal", "{\"AWS\": " + list(awsPrincipals) + "}");
            return this;
        }

        public StatementJson condition(String operator, String key, String... values) {
            conditions.computeIfAbsent(operator, k -> new LinkedHashMap<>()).put(key, List.of(values));
            return this;
        }

        String json() {
            Map<String, String> all = new LinkedHashMap<>(elements);
            if (!conditions.isEmpty()) {
                all.put("Condition", conditions.entrySet().stream()
                        .map(op -> quote(op.getKey()) + ": {" + op.getValue().entrySet().stream()
                                .map(k -> quote(k.getKey()) + ": " + list(k.getValue().toArray(String[]::new)))
                                .collect(Collectors.joining(", ")) + "}")
                        .collect(Collectors.joining(", ", "{", "}")));
            }
            return all.entrySet().stream().map(e -> quote(e.getKey()) + ": " + e.getValue())
                    .collect(Collectors.joining(", ", "{", "}"));
        }
    }

    static String list(String... values) {
        if (values.length == 1) {
            return quote(values[0]);
        }
        return java.util.Arrays.stream(values).map(PolicyJson::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
