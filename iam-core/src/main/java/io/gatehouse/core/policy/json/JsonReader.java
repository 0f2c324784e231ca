package io.gatehouse.core.policy.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader (RFC 8259) that records the line and column of every value and rejects a key
 * repeated within one object, which general-purpose parsers silently accept and IAM refuses.
 */
public final class JsonReader {
    /** Deeper nesting than any valid policy needs; the limit keeps hostile input off the stack. */
    static final int MAX_DEPTH = 32;

    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    private JsonReader(String text) {
        this.text = text;
    }

    /** Reads exactly one JSON value, surrounded by optional whitespace. */
    public static JsonValue read(String text) {
        JsonReader reader = new JsonReader(text);
        reader.skipWhitespace();
        JsonValue value = reader.value(0);
        reader.skipWhitespace();
        if (reader.pos < text.length()) {
            throw reader.error("Unexpected content after the end of the document");
        }
        return value;
    }

    private JsonValue value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("Nesting is too deep");
        }
        if (pos >= text.length()) {
            throw error("Unexpected end of the document");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> {
                Position start = here();
                yield new JsonValue.JsonString(string(), start);
            }
            case 't' -> literal("true", new JsonValue.JsonBoolean(true, here()));
            case 'f' -> literal("false", new JsonValue.JsonBoolean(false, here()));
            case 'n' -> literal("null", new JsonValue.JsonNull(here()));
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("Unexpected character '" + printable(c) + "'");
            }
        };
    }

    private JsonValue object(int depth) {
        Position start = here();
        pos++;
        Map<String, JsonValue.Member> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            Position end = here();
            pos++;
            return new JsonValue.JsonObject(members, start, end);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("Expected a quoted key");
            }
            Position keyPosition = here();
            String key = string();
            if (members.containsKey(key)) {
                throw new JsonSyntaxException("Duplicate key " + key, keyPosition);
            }
            skipWhitespace();
            expect(':');
            skipWhitespace();
            members.put(key, new JsonValue.Member(key, keyPosition, value(depth + 1)));
            skipWhitespace();
            char c = peek();
            Position end = here();
            pos++;
            if (c == '}') {
                return new JsonValue.JsonObject(members, start, end);
            }
            if (c != ',') {
                pos--;
                throw error("Expected ',' or '}'");
            }
        }
    }

    private JsonValue array(int depth) {
        Position start = here();
        pos++;
        List<JsonValue> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return new JsonValue.JsonArray(elements, start);
        }
        while (true) {
            skipWhitespace();
            elements.add(value(depth + 1));
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                return new JsonValue.JsonArray(elements, start);
            }
            if (c != ',') {
                pos--;
                throw error("Expected ',' or ']'");
            }
        }
    }

    private String string() {
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("Unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c < 0x20) {
                throw error("Control character in string");
            }
            if (c == '\\') {
                pos++;
                out.append(escape());
            } else {
                out.append(c);
                pos++;
            }
        }
    }

    private char escape() {
        char c = peek();
        pos++;
        switch (c) {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u': {
                if (pos + 4 > text.length()) {
                    throw error("Incomplete unicode escape");
                }
                int code = 0;
                for (int i = 0; i < 4; i++) {
                    int digit = Character.digit(text.charAt(pos + i), 16);
                    if (digit < 0) {
                        throw error("Invalid unicode escape");
                    }
                    code = code * 16 + digit;
                }
                pos += 4;
                return (char) code;
            }
            default:
                pos--;
                throw error("Invalid escape");
        }
    }

    private JsonValue number() {
        Position start = here();
        int begin = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("Invalid number");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("Invalid number");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("Invalid number");
            }
            digits();
        }
        return new JsonValue.JsonNumber(text.substring(begin, pos), start);
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private JsonValue literal(String word, JsonValue value) {
        if (!text.startsWith(word, pos)) {
            throw error("Unexpected character '" + printable(text.charAt(pos)) + "'");
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("Expected '" + c + "'");
        }
        pos++;
    }

    /** The character at the cursor, or NUL past the end (NUL never matches anything expected). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                lineStart = pos + 1;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private Position here() {
        return new Position(line, pos - lineStart + 1);
    }

    private JsonSyntaxException error(String message) {
        return new JsonSyntaxException(message, here());
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
