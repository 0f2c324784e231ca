package io.gatehouse.persistence;

import io.gatehouse.core.error.IamException;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Name-ordered listings with AWS's {@code Marker}: the marker is the base64url form of the last
 * returned name key, so the next page is "name keys after it" — stable under inserts and deletes,
 * and opaque to callers.
 */
final class Listing {

    /** The escape character of LIKE patterns built here; portable where a backslash is not. */
    static final char LIKE_ESCAPE = '!';

    private Listing() {
    }

    /** The name key after which the page starts: the empty string sorts before every name. */
    static String after(PageRequest request) {
        return request.marker().map(Listing::decode).orElse("");
    }

    /** How many rows to fetch: one more than the page, to learn whether more follow. */
    static int fetchSize(PageRequest request) {
        return request.maxItems() + 1;
    }

    static <E, T> Page<T> page(List<E> rows, PageRequest request, Function<E, String> nameKey, Function<E, T> item) {
        if (rows.size() <= request.maxItems()) {
            return new Page<>(rows.stream().map(item).toList(), Optional.empty());
        }
        List<E> shown = rows.subList(0, request.maxItems());
        String last = nameKey.apply(shown.get(shown.size() - 1));
        return new Page<>(shown.stream().map(item).toList(), Optional.of(encode(last)));
    }

    /** A LIKE pattern matching values that start with {@code prefix} taken literally. */
    static String startsWith(String prefix) {
        StringBuilder pattern = new StringBuilder(prefix.length() + 1);
        for (char c : prefix.toCharArray()) {
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                pattern.append(LIKE_ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    static String encode(String nameKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(nameKey.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String marker) {
        try {
            return new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw IamException.validation("Invalid Marker: " + marker);
        }
    }
}
