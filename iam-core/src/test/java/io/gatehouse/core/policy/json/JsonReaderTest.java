package io.gatehouse.core.policy.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void recordsTheLineAndColumnOfEveryValue() {
        // given a value on the third line, indented by four
        JsonValue.JsonObject root = (JsonValue.JsonObject) JsonReader.read("{\n  \"a\":\n    [1, \"x\"]}");
        // then its position is exact, 1-based
        JsonValue.Member a = root.member("a").orElseThrow();
        assertEquals(new Position(2, 3), a.keyPosition());
        assertEquals(new Position(3, 5), a.value().position());
    }

    @Test
    void rejectsADuplicateKeyAtTheSecondOccurrence() {
        // IAM refuses a key given twice in one object; most JSON parsers keep the last silently.
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class,
                () -> JsonReader.read("{\"Effect\": \"Allow\",\n \"Effect\": \"Deny\"}"));
        assertEquals(new Position(2, 2), e.position());
        assertEquals("Duplicate key Effect", e.getMessage());
    }

    @Test
    void keepsNumbersAsTheirSourceText() {
        // Condition values such as 10.50 are compared as written by the typed operators.
        JsonValue v = JsonReader.read("10.50");
        assertEquals("10.50", ((JsonValue.JsonNumber) v).text());
    }

    @Test
    void decodesEscapesInStrings() {
        JsonValue v = JsonReader.read("\"a\\u0041\\n\\\"\"");
        assertEquals("aA\n\"", ((JsonValue.JsonString) v).value());
    }

    @Test
    void rejectsTrailingContent() {
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> JsonReader.read("{} x"));
        assertEquals(new Position(1, 4), e.position());
    }

    @Test
    void rejectsTrailingCommas() {
        assertThrows(JsonSyntaxException.class, () -> JsonReader.read("[1,]"));
        assertThrows(JsonSyntaxException.class, () -> JsonReader.read("{\"a\":1,}"));
    }

    @Test
    void rejectsNestingDeeperThanAnyPolicyNeeds() {
        String deep = "[".repeat(200) + "]".repeat(200);
        assertThrows(JsonSyntaxException.class, () -> JsonReader.read(deep));
    }

    @Test
    void readsLiterals() {
        assertInstanceOf(JsonValue.JsonNull.class, JsonReader.read(" null "));
        assertEquals(true, ((JsonValue.JsonBoolean) JsonReader.read("true")).value());
    }
}
