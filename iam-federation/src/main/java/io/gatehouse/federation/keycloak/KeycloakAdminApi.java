package io.gatehouse.federation.keycloak;

import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Keycloak's Admin REST API ({@code /admin/realms/<realm>/...}) for one realm, as JSON over
 * {@link HttpClient}, behind an admin token taken from the admin realm's token endpoint and taken
 * again when it expires (admin-cli tokens live one minute by default) or is refused.
 *
 * <p>Paths are relative to the realm, e.g. {@code clients/<id>/protocol-mappers/models}. Every
 * failure is an {@code IDPCommunicationError} naming the server, the realm and the step; neither
 * the admin credentials nor the token ever appear in a message.
 */
final class KeycloakAdminApi {

    /** A page of groups or roles is a few hundred kilobytes at most; a larger answer is refused. */
    static final int MAX_ANSWER_BYTES = 8 * 1024 * 1024;
    /** A token is taken again this long before Keycloak would let it lapse. */
    static final Duration EXPIRY_MARGIN = Duration.ofSeconds(10);

    private final KeycloakRealm realm;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final String step;
    private AdminToken token;

    private record AdminToken(String value, Instant renewAt) {
        @Override
        public String toString() {
            return "AdminToken[value=****, renewAt=" + renewAt + "]";
        }
    }

    KeycloakAdminApi(KeycloakRealm realm, HttpClient http, Duration timeout, Clock clock, String step) {
        this.realm = realm;
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
        this.step = step;
    }

    /** Takes the admin token now, so that refused credentials are told apart from a refused request. */
    void signIn() {
        token = takeToken();
    }

    Map<String, Object> object(String path, Map<String, String> query) {
        String body = send("GET", path, query, Optional.empty()).body();
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw failure("answered " + path + " with something other than a JSON object");
        }
    }

    /** A JSON array of objects, e.g. a page of clients or groups. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(String path, Map<String, String> query) {
        String body = send("GET", path, query, Optional.empty()).body();
        try {
            List<Object> items = JSONArrayUtils.parse(body);
            for (Object item : items) {
                if (!(item instanceof Map)) {
                    throw new ParseException("not an object", 0);
                }
            }
            return (List<Map<String, Object>>) (List<?>) items;
        } catch (ParseException e) {
            throw failure("answered " + path + " with something other than a JSON array of objects");
        }
    }

    /** POSTs a representation Keycloak creates; the new entity's id, from the Location header. */
    String create(String path, Map<String, ?> representation) {
        Answer created = send("POST", path, Map.of(), Optional.of(JSONObjectUtils.toJSONString(representation)));
        String location = created.location()
                .orElseThrow(() -> failure("created " + path + " without saying where (no Location header)"));
        String id = location.substring(location.lastIndexOf('/') + 1);
        if (id.isBlank()) {
            throw failure("created " + path + " at an unexpected location");
        }
        return id;
    }

    void put(String path, Map<String, ?> representation) {
        send("PUT", path, Map.of(), Optional.of(JSONObjectUtils.toJSONString(representation)));
    }

    void post(String path, List<?> representations) {
        send("POST", path, Map.of(), Optional.of(JSONArrayUtils.toJSONString(representations)));
    }

    void delete(String path) {
        send("DELETE", path, Map.of(), Optional.empty());
    }

    /** An id or name Keycloak handed out, as one path segment. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Answer send(String method, String path, Map<String, String> query, Optional<String> json) {
        if (token == null || !clock.instant().isBefore(token.renewAt())) {
            token = takeToken();
        }
        Answer response = exchange(method, path, query, json);
        if (response.status() == 401) {
            // Revoked or lapsed early (a clock apart from Keycloak's): one more try with a new token.
            token = takeToken();
            response = exchange(method, path, query, json);
        }
        if (response.status() / 100 != 2) {
            throw refused(response.status());
        }
        return response;
    }

    private Answer exchange(String method, String path, Map<String, String> query, Optional<String> json) {
        URI uri = URI.create(realm.serverUrl() + "/admin/realms/" + segment(realm.realm()) + "/" + path + query(query));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", "Bearer " + token.value()).header("Accept", "application/json");
        json.ifPresentOrElse(body -> request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)),
                () -> request.method(method, HttpRequest.BodyPublishers.noBody()));
        return exchange(request.build());
    }

    private AdminToken takeToken() {
        URI endpoint = URI.create(realm.serverUrl() + "/realms/" + segment(realm.adminRealm())
                + "/protocol/openid-connect/token");
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(grant(realm.admin()))).build();
        Instant asked = clock.instant();
        Answer response = exchange(request);
        int status = response.status();
        if (status == 400 || status == 401) {
            throw new IamException(ErrorCode.IDP_COMMUNICATION_ERROR, "Keycloak at " + realm.serverUrl()
                    + " refused the admin credentials of client " + realm.admin().clientId() + " in realm "
                    + realm.adminRealm() + " when asked to " + step + ".");
        }
        if (status == 404) {
            throw failure("has no admin realm " + realm.adminRealm());
        }
        if (status != 200) {
            throw failure("answered HTTP " + status + " for an admin token of realm " + realm.adminRealm());
        }
        try {
            Map<String, Object> answer = JSONObjectUtils.parse(response.body());
            String value = JSONObjectUtils.getString(answer, "access_token");
            if (value == null || value.isBlank()) {
                throw new ParseException("no access_token", 0);
            }
            long lifetime = answer.get("expires_in") instanceof Number seconds ? seconds.longValue() : 60;
            return new AdminToken(value, asked.plusSeconds(lifetime).minus(EXPIRY_MARGIN));
        } catch (ParseException e) {
            throw failure("answered its token endpoint without an access token");
        }
    }

    private static String grant(AdminCredentials admin) {
        if (admin instanceof AdminCredentials.Administrator user) {
            return form(Map.of("grant_type", "password", "client_id", user.clientId(),
                    "username", user.username(), "password", user.password()));
        }
        AdminCredentials.ServiceAccount account = (AdminCredentials.ServiceAccount) admin;
        return form(Map.of("grant_type", "client_credentials", "client_id", account.clientId(),
                "client_secret", account.clientSecret()));
    }

    private Answer exchange(HttpRequest request) {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(e);
        }
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(MAX_ANSWER_BYTES + 1);
            if (bytes.length > MAX_ANSWER_BYTES) {
                throw failure("answered with more than " + MAX_ANSWER_BYTES + " bytes when asked to " + step);
            }
            return new Answer(response.statusCode(), response.headers().firstValue("Location"),
                    new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    private IamException unreachable(Exception cause) {
        return new IamException(ErrorCode.IDP_COMMUNICATION_ERROR, "Keycloak at " + realm.serverUrl()
                + " could not be reached to " + step + " (" + cause.getClass().getSimpleName() + ").", cause);
    }

    private IamException refused(int status) {
        String why = switch (status) {
            case 401 -> "no longer accepted the admin token";
            case 403 -> "denied the admin account the right to " + step + " (it needs the realm-management "
                    + "roles manage-clients and view-realm of realm " + realm.realm() + ")";
            case 404 -> "has no realm " + realm.realm();
            case 400 -> "refused the request as invalid (HTTP 400)";
            default -> "answered HTTP " + status;
        };
        return failure(why);
    }

    private IamException failure(String problem) {
        return new IamException(ErrorCode.IDP_COMMUNICATION_ERROR,
                "Keycloak at " + realm.serverUrl() + " " + problem + " when asked to " + step + ".");
    }

    private static String query(Map<String, String> parameters) {
        return parameters.isEmpty() ? "" : "?" + form(parameters);
    }

    private static String form(Map<String, String> parameters) {
        StringJoiner joined = new StringJoiner("&");
        parameters.forEach((name, value) -> joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joined.toString();
    }

    /** An answer whose body was read within the size cap. */
    private record Answer(int status, Optional<String> location, String body) {
    }
}
