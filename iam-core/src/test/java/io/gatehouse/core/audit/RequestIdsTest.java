package io.gatehouse.core.audit;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdsTest {

    @Test
    void areVersionFourUuidsOfTheIetfVariant() {
        for (int i = 0; i < 1000; i++) {
            UUID id = UUID.fromString(RequestIds.next());
            assertEquals(4, id.version());
            assertEquals(2, id.variant());
        }
    }

    @Test
    void doNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(RequestIds.next()));
        }
    }
}
