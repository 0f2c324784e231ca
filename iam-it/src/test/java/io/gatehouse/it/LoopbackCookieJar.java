package io.gatehouse.it;

import java.net.CookieHandler;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A browser's cookie jar for one loopback server. Keycloak marks its sign-in cookies
 * {@code Secure; SameSite=None}, which browsers still send to http://127.0.0.1 (a secure
 * context) but {@link java.net.CookieManager} would not; this jar keeps the cookies by name and
 * path and sends those whose path covers the request, honouring removal ({@code Max-Age=0}).
 */
final class LoopbackCookieJar extends CookieHandler {

    private record Cookie(String name, String value, String path) {
    }

    private final Map<String, Cookie> cookies = new ConcurrentHashMap<>();

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        String header = cookies.values().stream()
                .filter(cookie -> covers(cookie.path(), path))
                .map(cookie -> cookie.name() + "=" + cookie.value())
                .collect(Collectors.joining("; "));
        return header.isEmpty() ? Map.of() : Map.of("Cookie", List.of(header));
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) {
        responseHeaders.forEach((name, values) -> {
            if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                values.forEach(value -> store(uri, value));
            }
        });
    }

    private void store(URI uri, String header) {
        String[] parts = header.split(";");
        int equals = parts[0].indexOf('=');
        if (equals <= 0) {
            return;
        }
        String name = parts[0].substring(0, equals).strip();
        String value = parts[0].substring(equals + 1).strip();
        String path = "/";
        boolean removed = value.isEmpty();
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].strip().toLowerCase(Locale.ROOT);
            if (attribute.startsWith("path=")) {
                path = parts[i].strip().substring(5);
            } else if (attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970")
                    || attribute.startsWith("expires=thu, 01-jan-1970")) {
                removed = true;
            }
        }
        String key = name + " " + path;
        if (removed) {
            cookies.remove(key);
        } else {
            cookies.put(key, new Cookie(name, value, path));
        }
    }

    private static boolean covers(String cookiePath, String requestPath) {
        if (requestPath.equals(cookiePath) || cookiePath.equals("/")) {
            return true;
        }
        String prefix = cookiePath.endsWith("/") ? cookiePath : cookiePath + "/";
        return requestPath.startsWith(prefix) || (requestPath + "/").equals(prefix);
    }
}
