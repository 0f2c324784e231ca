package io.gatehouse.web.rest;

import io.gatehouse.core.error.IamException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading the JSON API's request bodies: a malformed body or a field of the wrong type is a ValidationError. */
final class JsonBodies {

    private JsonBodies() {
    }

    static JsonObject object(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw IamException.validation("The request body must be a JSON object");
        }
    }

    static String required(JsonObject body, String name) {
        return optional(body, name).orElseThrow(() -> IamException.validation(name + " is required"));
    }

    static Optional<String> optional(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString text)) {
            throw IamException.validation(name + " must be a string");
        }
        return Optional.of(text.getString());
    }

    static boolean flag(JsonObject body, String name, boolean byDefault) {
        JsonValue value = body.get(name);
        if (value == null) {
            return byDefault;
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        throw IamException.validation(name + " must be true or false");
    }

    static int integer(JsonObject body, String name, int byDefault) {
        JsonValue value = body.get(name);
        if (value == null) {
            return byDefault;
        }
        if (value instanceof jakarta.json.JsonNumber number && number.isIntegral()) {
            return number.intValueExact();
        }
        throw IamException.validation(name + " must be an integer");
    }

    static List<String> strings(JsonValue value, String name) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw IamException.validation(name + " must be an array of strings");
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString text)) {
                throw IamException.validation(name + " must be an array of strings");
            }
            strings.add(text.getString());
        }
        return strings;
    }
}
