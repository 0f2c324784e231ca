package io.gatehouse.core.service;

import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** In-memory paging with AWS's Marker contract. */
class NamePagesTest {

    @Test
    void pagesInKeyOrderWhateverTheInputOrder() {
        Page<String> first = NamePages.page(List.of("c", "A", "b"), Function.identity(), PageRequest.first(2));

        assertEquals(List.of("A", "b"), first.items());
        Page<String> second = NamePages.page(List.of("c", "A", "b"), Function.identity(),
                new PageRequest(first.nextMarker(), 2));
        assertEquals(List.of("c"), second.items());
        assertFalse(second.isTruncated());
    }

    @Test
    void theNextPageStartsAfterTheMarkerEvenWhenThatItemIsGone() {
        Page<String> first = NamePages.page(List.of("a", "b", "c"), Function.identity(), PageRequest.first(2));

        Page<String> second = NamePages.page(List.of("a", "c"), Function.identity(),
                new PageRequest(first.nextMarker(), 2));

        assertEquals(List.of("c"), second.items());
        assertEquals(Optional.empty(), second.nextMarker());
    }
}
