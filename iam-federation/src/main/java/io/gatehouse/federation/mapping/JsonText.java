package io.gatehouse.federation.mapping;

import java.util.List;
import java.util.stream.Collectors;

/** JSON string literals, for the rule document and for quoting values in explanations. */
final class JsonText {

    private JsonText() {
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static String quoteAll(List<String> texts) {
        return texts.stream().map(JsonText::quote).collect(Collectors.joining(", ", "[", "]"));
    }
}
