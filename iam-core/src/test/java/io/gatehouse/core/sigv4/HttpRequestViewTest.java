package io.gatehouse.core.sigv4;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpRequestViewTest {

    @Test
    void findsHeadersInAnyCase() {
        HttpRequestView request = new HttpRequestView("GET", "/", "",
                Map.of("X-Amz-Date", List.of("20150830T123600Z")), new byte[0]);

        assertEquals(Optional.of("20150830T123600Z"), request.firstHeader("x-amz-date"));
        assertTrue(request.hasHeader("X-AMZ-DATE"));
        assertEquals(Optional.empty(), request.firstHeader("Date"));
    }

    @Test
    void copiesItsHeadersAndBody() {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("Host", new ArrayList<>(List.of("iam.amazonaws.com")));
        byte[] body = {1, 2};
        HttpRequestView request = new HttpRequestView("POST", "/", "", headers, body);

        headers.get("Host").add("evil.example");
        body[0] = 9;
        request.body()[1] = 9;

        assertEquals(List.of("iam.amazonaws.com"), request.headerValues("host"));
        assertArrayEquals(new byte[] {1, 2}, request.body());
    }

    @Test
    void toStringLeavesOutHeadersQueryAndBody() {
        HttpRequestView request = new HttpRequestView("GET", "/", "X-Amz-Security-Token=secret",
                Map.of("Authorization", List.of("AWS4-HMAC-SHA256 Credential=AKID/...")), new byte[3]);

        assertFalse(request.toString().contains("secret"));
        assertFalse(request.toString().contains("AKID"));
    }
}
