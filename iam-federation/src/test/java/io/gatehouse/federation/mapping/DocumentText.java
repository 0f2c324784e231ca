package io.gatehouse.federation.mapping;

import io.gatehouse.core.policy.json.Position;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule documents as text, for tests of the reader: a valid document of one rule whose parts can
 * each be replaced by raw JSON, one rule per line.
 * {@code document().rule(ruleText("admins").condition("{\"memberOf\": \"Admins\"}")).json()}.
 */
final class DocumentText {

    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<RuleText> rules = new ArrayList<>();

    private DocumentText() {
        fields.put("mode", "\"FIRST_MATCH\"");
    }

    static DocumentText document() {
        return new DocumentText();
    }

    /** A document whose only rule has the one condition given as JSON. */
    static String withCondition(String conditionJson) {
        return document().rule(ruleText("r").condition(conditionJson)).json();
    }

    /** A document whose only rule has the one session tag given as JSON. */
    static String withSessionTag(String tagJson) {
        return document().rule(ruleText("r").sessionTag(tagJson)).json();
    }

    static RuleText ruleText(String name) {
        return new RuleText(name);
    }

    DocumentText field(String name, String json) {
        fields.put(name, json);
        return this;
    }

    DocumentText without(String name) {
        fields.remove(name);
        return this;
    }

    DocumentText rule(RuleText rule) {
        rules.add(rule);
        return this;
    }

    String json() {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putIfAbsent("rules", rules.stream().map(RuleText::json).reduce((a, b) -> a + ",\n  " + b)
                .map(r -> "[\n  " + r + "\n]").orElse("[]"));
        StringBuilder out = new StringBuilder("{");
        all.forEach((k, v) -> out.append(out.length() > 1 ? ",\n" : "").append('"').append(k).append("\": ").append(v));
        return out.append("}").toString();
    }

    /** Where {@code fragment} first occurs in {@code json}: what an error about it should point at. */
    static Position positionOf(String json, String fragment) {
        int at = json.indexOf(fragment);
        if (at < 0) {
            throw new IllegalArgumentException(fragment + " is not in " + json);
        }
        int lineStart = json.lastIndexOf('\n', at) + 1;
        int line = (int) json.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        return new Position(line, at - lineStart + 1);
    }

    static final class RuleText {
        private final Map<String, String> fields = new LinkedHashMap<>();
        private final List<String> conditions = new ArrayList<>();
        private final List<String> tags = new ArrayList<>();

        private RuleText(String name) {
            fields.put("name", JsonText.quote(name));
            fields.put("role", "\"arn:aws:iam::123456789012:role/R\"");
        }

        RuleText condition(String json) {
            conditions.add(json);
            return this;
        }

        RuleText sessionTag(String json) {
            tags.add(json);
            return this;
        }

        RuleText field(String name, String json) {
            fields.put(name, json);
            return this;
        }

        RuleText without(String name) {
            fields.put(name, null);
            return this;
        }

        String json() {
            Map<String, String> all = new LinkedHashMap<>();
            all.put("name", fields.get("name"));
            all.put("conditions", "[" + String.join(", ", conditions) + "]");
            fields.forEach((k, v) -> all.put(k, v));
            if (!tags.isEmpty()) {
                all.put("sessionTags", "[" + String.join(", ", tags) + "]");
            }
            StringBuilder out = new StringBuilder("{");
            all.forEach((k, v) -> {
                if (v != null) {
                    out.append(out.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v);
                }
            });
            return out.append("}").toString();
        }
    }
}
