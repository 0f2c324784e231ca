package io.gatehouse.core.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
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

    @Test
    void eventIdsAreVersionSevenAndSortByTime() {
        Instant at = Instant.parse("2026-12-01T10:00:00.123Z");
        UUID first = UUID.fromString(RequestIds.timeOrdered(at));
        UUID later = UUID.fromString(RequestIds.timeOrdered(at.plusMillis(1)));
        assertEquals(7, first.version());
        assertEquals(2, first.variant());
        assertEquals(at.toEpochMilli(), first.getMostSignificantBits() >>> 16);
        assertTrue(RequestIds.timeOrdered(at).compareTo(RequestIds.timeOrdered(at.plusMillis(1))) < 0
                && first.compareTo(later) < 0);
    }
}
