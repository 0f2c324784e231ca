package io.gatehouse.persistence;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Audit parameters as a flat JSON object of strings, e.g. {@code {"UserName":"alice"}}. The shape is
 * this narrow, so a small codec beats a JSON library on the server's class path.
 */
final class ParameterJson {

    private ParameterJson() {
    }

    /** Keys are written sorted so that equal parameters give equal text. */
    static String write(Map<String, String> parameters) {
        StringBuilder json = new StringBuilder("{");
        new TreeMap<>(parameters).forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            quote(json, name).append(':');
            quote(json, value);
        });
        return json.append('}').toString();
    }

    static Map<String, String> read(String json) {
        Reader reader = new Reader(json);
        Map<String, String> parameters = new LinkedHashMap<>();
        reader.expect('{');
        if (!reader.consume('}')) {
            do {
                String name = reader.string();
                reader.expect(':');
                parameters.put(name, reader.string());
            } while (reader.consume(','));
            reader.expect('}');
        }
        reader.end();
        return parameters;
    }

    private static StringBuilder quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        void expect(char c) {
            if (!consume(c)) {
                throw malformed("'" + c + "' expected");
            }
        }

        boolean consume(char c) {
            skipSpace();
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        void end() {
            skipSpace();
            if (at != text.length()) {
                throw malformed("end expected");
            }
        }

        String string() {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                if (at >= text.length()) {
                    break;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw malformed("short \\u escape");
                        }
                        value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> value.append(escaped); // \" \\ \/
                }
            }
            throw malformed("unterminated string");
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private IllegalStateException malformed(String problem) {
            return new IllegalStateException("Stored audit parameters are not a JSON object of strings: "
                    + problem + " at " + at);
        }
    }
}
