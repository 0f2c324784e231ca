package io.gatehouse.federation.mapping;

import io.gatehouse.federation.mapping.MappingCondition.ClaimEquals;
import io.gatehouse.federation.mapping.MappingCondition.ClaimLike;
import io.gatehouse.federation.mapping.MappingCondition.ClaimPresent;
import io.gatehouse.federation.mapping.MappingCondition.MemberOf;

import java.util.List;
import java.util.function.Function;

import static io.gatehouse.federation.mapping.JsonText.quote;

/** Writes rules as {@link RoleMappingDocument} reads them: one condition or tag per line. */
final class RoleMappingWriter {

    private RoleMappingWriter() {
    }

    static String write(RoleMappingRules rules) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"mode\": ").append(quote(rules.mode().name())).append(",\n");
        out.append("  \"rules\": ").append(list(rules.rules(), RoleMappingWriter::rule, "  ")).append("\n}\n");
        return out.toString();
    }

    private static String rule(RoleMappingRule rule) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("      \"name\": ").append(quote(rule.name())).append(",\n");
        out.append("      \"conditions\": ").append(list(rule.conditions(), RoleMappingWriter::condition, "      "));
        out.append(",\n      \"role\": ").append(quote(rule.roleArn().toString()));
        if (!rule.sessionTags().isEmpty()) {
            out.append(",\n      \"sessionTags\": ").append(list(rule.sessionTags(), RoleMappingWriter::tag, "      "));
        }
        return out.append("\n    }").toString();
    }

    private static String condition(MappingCondition condition) {
        if (condition instanceof ClaimEquals c) {
            return "{\"claim\": " + quote(c.claim()) + ", \"equals\": " + JsonText.quoteAll(c.anyOf())
                    + ignoreCase(c.ignoreCase()) + "}";
        }
        if (condition instanceof ClaimLike c) {
            return "{\"claim\": " + quote(c.claim()) + ", \"like\": " + quote(c.pattern())
                    + ignoreCase(c.ignoreCase()) + "}";
        }
        if (condition instanceof ClaimPresent c) {
            return "{\"claim\": " + quote(c.claim()) + ", \"present\": true}";
        }
        return "{\"memberOf\": " + quote(((MemberOf) condition).group()) + "}";
    }

    private static String ignoreCase(boolean ignoreCase) {
        return ignoreCase ? ", \"ignoreCase\": true" : "";
    }

    private static String tag(SessionTagFromClaim tag) {
        return "{\"key\": " + quote(tag.tagKey()) + ", \"fromClaim\": " + quote(tag.claim())
                + (tag.optional() ? ", \"optional\": true" : "") + "}";
    }

    /** An array with one element per line, indented one step past {@code indent}. */
    private static <T> String list(List<T> items, Function<T, String> element, String indent) {
        if (items.isEmpty()) {
            return "[]";
        }
        StringBuilder out = new StringBuilder("[\n");
        for (int i = 0; i < items.size(); i++) {
            out.append(indent).append("  ").append(element.apply(items.get(i)));
            out.append(i + 1 < items.size() ? ",\n" : "\n");
        }
        return out.append(indent).append(']').toString();
    }
}
