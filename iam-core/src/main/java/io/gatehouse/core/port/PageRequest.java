package io.gatehouse.core.port;

import java.util.Objects;
import java.util.Optional;

/** Where a listing resumes ({@code marker} from the previous page) and how many items it may return. */
public record PageRequest(Optional<String> marker, int maxItems) {
    public static final int DEFAULT_MAX_ITEMS = 100;

    public PageRequest {
        Objects.requireNonNull(marker, "marker");
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems must be positive");
        }
    }

    public static PageRequest first(int maxItems) {
        return new PageRequest(Optional.empty(), maxItems);
    }
}
