package io.gatehouse.web.auth;

import io.gatehouse.core.sigv4.HttpRequestView;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A JAX-RS request as SigV4 sees it: raw path and query, headers by lower-case name, body bytes. */
public final class SignedRequests {

    private SignedRequests() {
    }

    public static HttpRequestView view(String method, byte[] body, HttpHeaders headers, UriInfo uri) {
        String rawQuery = uri.getRequestUri().getRawQuery();
        return new HttpRequestView(method, uri.getRequestUri().getRawPath(), rawQuery == null ? "" : rawQuery,
                headerMap(headers, uri), body);
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
