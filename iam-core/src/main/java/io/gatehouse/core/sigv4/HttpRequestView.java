package io.gatehouse.core.sigv4;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP request as received: raw path and raw query (percent-encoded as sent; query "" when
 * none), headers with any-case names, and the body bytes.
 *
 * <p>SigV4 signs the bytes the client sent, so nothing here is decoded or re-ordered: header
 * names keep their case and values their order, which the canonical request depends on.
 */
public record HttpRequestView(String method, String rawPath, String rawQuery,
                              Map<String, List<String>> headers, byte[] body) {

    public HttpRequestView {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        Objects.requireNonNull(rawQuery, "rawQuery");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(
                Objects.requireNonNull(name, "header name"),
                List.copyOf(Objects.requireNonNull(values, "header values"))));
        headers = Collections.unmodifiableMap(copy);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Every value of the header named {@code name} in any case, in the order received. */
    public List<String> headerValues(String name) {
        List<String> values = new ArrayList<>();
        headers.forEach((key, list) -> {
            if (key.equalsIgnoreCase(name)) {
                values.addAll(list);
            }
        });
        return List.copyOf(values);
    }

    /** The first value of the header named {@code name} in any case. */
    public Optional<String> firstHeader(String name) {
        List<String> values = headerValues(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Whether a header of that name (any case) was sent. */
    public boolean hasHeader(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return headers.keySet().stream().anyMatch(key -> key.toLowerCase(Locale.ROOT).equals(lower));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpRequestView that
                && method.equals(that.method) && rawPath.equals(that.rawPath)
                && rawQuery.equals(that.rawQuery) && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, rawPath, rawQuery, headers, Arrays.hashCode(body));
    }

    /** Without headers or body: they may carry credentials. */
    @Override
    public String toString() {
        return "HttpRequestView[" + method + " " + rawPath + (rawQuery.isEmpty() ? "" : "?...")
                + ", " + body.length + " body bytes]";
    }
}
