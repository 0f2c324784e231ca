package io.gatehouse.core.service;

import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Paging of short, already ordered lists held in memory (inline policy names, policies merged from
 * the shipped catalog and the store). The marker is the base64url form of the last key shown.
 */
final class NamePages {

    private NamePages() {
    }

    static <T> Page<T> page(List<T> ordered, Function<T, String> key, PageRequest request) {
        request.marker().ifPresent(m -> Constraint.MARKER.check("Marker", m));
        String after;
        try {
            after = request.marker().map(m -> new String(Base64.getUrlDecoder().decode(m), StandardCharsets.UTF_8))
                    .orElse(null);
        } catch (IllegalArgumentException e) {
            throw io.gatehouse.core.error.IamException.validation("Invalid Marker.");
        }
        int start = 0;
        if (after != null) {
            while (start < ordered.size() && !keyOf(key, ordered.get(start)).equals(after)) {
                start++;
            }
            start = Math.min(start + 1, ordered.size());
        }
        List<T> rest = ordered.subList(start, ordered.size());
        if (rest.size() <= request.maxItems()) {
            return new Page<>(rest, Optional.empty());
        }
        List<T> shown = rest.subList(0, request.maxItems());
        String last = keyOf(key, shown.get(shown.size() - 1));
        return new Page<>(shown, Optional.of(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(last.getBytes(StandardCharsets.UTF_8))));
    }

    private static <T> String keyOf(Function<T, String> key, T item) {
        return key.apply(item).toLowerCase(Locale.ROOT);
    }
}
