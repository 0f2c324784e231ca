package io.gatehouse.core.policy.json;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A JSON value that remembers where it started in the source text. */
public sealed interface JsonValue {

    Position position();

    /** A short name of the JSON type, for messages. */
    String typeName();

    record JsonString(String value, Position position) implements JsonValue {
        public String typeName() {
            return "string";
        }
    }

    /** A number kept as its source text; the policy language reads numbers as strings. */
    record JsonNumber(String text, Position position) implements JsonValue {
        public String typeName() {
            return "number";
        }
    }

    record JsonBoolean(boolean value, Position position) implements JsonValue {
        public String typeName() {
            return "boolean";
        }
    }

    record JsonNull(Position position) implements JsonValue {
        public String typeName() {
            return "null";
        }
    }

    record JsonArray(List<JsonValue> elements, Position position) implements JsonValue {
        public JsonArray {
            elements = List.copyOf(elements);
        }

        public String typeName() {
            return "array";
        }
    }

    /**
     * An object; members keep their source order, and each key's own position is kept, as is the
     * position of the closing brace ({@code end}).
     */
    record JsonObject(Map<String, Member> members, Position position, Position end) implements JsonValue {
        public JsonObject {
            members = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(members));
        }

        public Optional<Member> member(String key) {
            return Optional.ofNullable(members.get(key));
        }

        public String typeName() {
            return "object";
        }
    }

    record Member(String key, Position keyPosition, JsonValue value) {
    }

    /** The value as policy text: strings as is, numbers as written, booleans as true/false. */
    static Optional<String> scalarText(JsonValue value) {
        if (value instanceof JsonString s) {
            return Optional.of(s.value());
        }
        if (value instanceof JsonNumber n) {
            return Optional.of(n.text());
        }
        if (value instanceof JsonBoolean b) {
            return Optional.of(Boolean.toString(b.value()));
        }
        return Optional.empty();
    }
}
