package io.gatehouse.persistence;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParameterJsonTest {

    @Test
    void writesSortedCompactObject() {
        assertEquals("{\"a\":\"1\",\"b\":\"x\\\"y\"}", ParameterJson.write(Map.of("b", "x\"y", "a", "1")));
        assertEquals("{}", ParameterJson.write(Map.of()));
    }

    @Test
    void readsWhatItWrites() {
        Map<String, String> parameters = Map.of("Doc", "{\"k\": [1]}\n\\\t\r\u0000\u001f", "Name", "\u00e9\u4e2d", "E", "");

        assertEquals(parameters, ParameterJson.read(ParameterJson.write(parameters)));
    }

    @Test
    void readsStandardEscapesAndWhitespace() {
        assertEquals(Map.of("k", "a/b\u00e9"), ParameterJson.read(" { \"k\" : \"a\\/b\\u00e9\" } "));
    }

    @Test
    void refusesMalformedText() {
        assertThrows(IllegalStateException.class, () -> ParameterJson.read("{\"k\":1}"));
        assertThrows(IllegalStateException.class, () -> ParameterJson.read("{\"k\":\"v\""));
        assertThrows(IllegalStateException.class, () -> ParameterJson.read("{} x"));
    }
}
