package io.gatehouse.core.port;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing. {@code nextMarker} is present when more items follow; callers pass it
 * back unchanged (AWS's {@code Marker} / {@code IsTruncated} contract).
 */
public record Page<T>(List<T> items, Optional<String> nextMarker) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextMarker, "nextMarker");
    }

    public boolean isTruncated() {
        return nextMarker.isPresent();
    }
}
