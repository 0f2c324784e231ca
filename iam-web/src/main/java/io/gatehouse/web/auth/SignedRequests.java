package io.gatehouse.web.auth;

import io.gatehouse.core.sigv4.HttpRequestView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A JAX-RS or servlet request as SigV4 sees it: raw path and query, headers by lower-case name, body bytes. */
public final class SignedRequests {

    private SignedRequests() {
    }

    public static HttpRequestView view(String method, byte[] body, HttpHeaders headers, UriInfo uri) {
        String rawQuery = uri.getRequestUri().getRawQuery();
        return new HttpRequestView(method, uri.getRequestUri().getRawPath(), rawQuery == null ? "" : rawQuery,
                headerMap(headers, uri), body);
    }

    /** A servlet request as SigV4 sees it; the filter in front of JAX-RS reads it this way. */
    public static HttpRequestView view(String method, byte[] body, HttpServletRequest request) {
        String rawQuery = request.getQueryString();
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            map.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                    .addAll(Collections.list(request.getHeaders(name)));
        }
        return new HttpRequestView(method, request.getRequestURI(), rawQuery == null ? "" : rawQuery, map, body);
    }

    /** Whether the request carries a SigV4 signature, in its headers or (presigned) its query. */
    public static boolean isSigned(HttpHeaders headers, UriInfo uri) {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        return (authorization != null && authorization.startsWith("AWS4-HMAC-SHA256"))
                || uri.getQueryParameters().containsKey("X-Amz-Signature");
    }

    /**
     * The request's headers by lower-case name. HTTP/2 carries the host as the {@code :authority}
     * pseudo-header rather than {@code Host}; SigV4 signs it as {@code host} either way.
     */
    private static Map<String, List<String>> headerMap(HttpHeaders headers, UriInfo uri) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> map.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        if (!map.containsKey("host") && uri.getRequestUri().getRawAuthority() != null) {
            map.put("host", List.of(uri.getRequestUri().getRawAuthority()));
        }
        return map;
    }
}
