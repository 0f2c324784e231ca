package io.gatehouse.core.service;

import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Paging of short lists held in memory (inline policy names, policies merged from the shipped
 * catalog and the store, attachments). Items are ordered by their key in lower case; the marker is
 * the base64url form of the last key shown, so the next page starts after it even if that item has
 * gone meanwhile.
 */
final class NamePages {

    private NamePages() {
    }

    static <T> Page<T> page(List<T> items, Function<T, String> key, PageRequest request) {
        request.marker().ifPresent(m -> Constraint.MARKER.check("Marker", m));
        String after;
        try {
            after = request.marker().map(m -> new String(Base64.getUrlDecoder().decode(m), StandardCharsets.UTF_8))
                    .orElse("");
        } catch (IllegalArgumentException e) {
            throw IamException.validation("Invalid Marker.");
        }
        List<T> rest = items.stream()
                .sorted(Comparator.comparing((T item) -> keyOf(key, item)))
                .filter(item -> keyOf(key, item).compareTo(after) > 0)
                .toList();
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
