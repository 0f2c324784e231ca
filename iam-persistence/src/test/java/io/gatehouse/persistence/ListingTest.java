package io.gatehouse.persistence;

import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ListingTest {

    @Test
    void escapesLikeWildcardsAndTheEscapeCharacter() {
        assertEquals("/a!_b!%c!!d/%", Listing.startsWith("/a_b%c!d/"));
        assertEquals("/%", Listing.startsWith("/"));
    }

    @Test
    void markerResumesAfterTheLastNameKey() {
        Page<String> page = Listing.page(List.of("a", "b", "c"), PageRequest.first(2), Function.identity(),
                Function.identity());

        assertEquals(List.of("a", "b"), page.items());
        assertEquals("b", Listing.after(new PageRequest(page.nextMarker(), 2)));
    }

    @Test
    void noMarkerWhenNothingFollows() {
        Page<String> page = Listing.page(List.of("a", "b"), PageRequest.first(2), Function.identity(),
                Function.identity());

        assertFalse(page.isTruncated());
        assertEquals("", Listing.after(new PageRequest(Optional.empty(), 2)));
    }

    @Test
    void markerIsUrlSafeText() {
        assertEquals("dXNlci0_", Listing.encode("user-?"));
    }
}
