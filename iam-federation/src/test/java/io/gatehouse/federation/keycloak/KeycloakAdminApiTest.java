package io.gatehouse.federation.keycloak;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The admin API's token handling, against a loopback server answering as Keycloak's token endpoint
 * and admin API do, where the real server could not show it: token lifetimes and refusals.
 */
class KeycloakAdminApiTest {

    private static final String PASSWORD = "s3cret-Admin-pw";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final List<String> bearers = new CopyOnWriteArrayList<>();
    private volatile int tokenStatus = 200;
    private volatile int adminStatus = 200;
    private volatile int refuseTokensBefore;
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/realms/master/protocol/openid-connect/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (tokenStatus != 200 || !form.contains("password=" + PASSWORD)) {
                answer(exchange, tokenStatus == 200 ? 401 : tokenStatus, "{\"error\":\"invalid_grant\"}");
                return;
            }
            answer(exchange, 200, "{\"access_token\":\"token-" + tokensIssued.incrementAndGet()
                    + "\",\"expires_in\":60,\"token_type\":\"Bearer\"}");
        });
        server.createContext("/admin/realms/acme/", exchange -> {
            String bearer = exchange.getRequestHeaders().getFirst("Authorization");
            bearers.add(bearer);
            int issued = Integer.parseInt(bearer.substring("Bearer token-".length()));
            answer(exchange, issued <= refuseTokensBefore ? 401 : adminStatus, "[]");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void reusesTheAdminTokenWhileItIsValid() {
        KeycloakAdminApi api = api(PASSWORD);
        api.list("groups", Map.of());
        clock.advance(Duration.ofSeconds(45));
        api.list("groups", Map.of());

        assertEquals(1, tokensIssued.get());
        assertEquals(List.of("Bearer token-1", "Bearer token-1"), bearers);
    }

    @Test
    void takesANewAdminTokenOnceTheOldOneIsAboutToExpire() {
        KeycloakAdminApi api = api(PASSWORD);
        api.list("groups", Map.of());
        clock.advance(Duration.ofSeconds(55));
        api.list("groups", Map.of());

        assertEquals(List.of("Bearer token-1", "Bearer token-2"), bearers);
    }

    @Test
    void takesANewAdminTokenOnceWhenKeycloakNoLongerAcceptsTheOldOne() {
        KeycloakAdminApi api = api(PASSWORD);
        api.signIn();
        refuseTokensBefore = 1;

        api.list("groups", Map.of());

        assertEquals(List.of("Bearer token-1", "Bearer token-2"), bearers);
    }

    @Test
    void refusedAdminPasswordNamesTheServerAndAdminRealmButNotThePassword() {
        IamException refused = assertThrows(IamException.class, () -> api("not-" + PASSWORD).signIn());

        assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, refused.code());
        assertTrue(refused.getMessage().contains("Keycloak at " + serverUrl() + " refused the admin credentials"
                + " of client admin-cli in realm master"), refused.getMessage());
        assertFalse(refused.getMessage().contains(PASSWORD), refused.getMessage());
    }

    @Test
    void missingRightsNameTheRolesTheAdminAccountNeeds() {
        adminStatus = 403;

        IamException forbidden = assertThrows(IamException.class, () -> api(PASSWORD).list("clients", Map.of()));

        assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, forbidden.code());
        assertTrue(forbidden.getMessage().contains("manage-clients and view-realm of realm acme"), forbidden.getMessage());
    }

    @Test
    void aTokenEndpointFailingIsACommunicationErrorWithItsStatus() {
        tokenStatus = 503;

        IamException failed = assertThrows(IamException.class, () -> api(PASSWORD).signIn());

        assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, failed.code());
        assertTrue(failed.getMessage().contains("HTTP 503"), failed.getMessage());
    }

    @Test
    void anAnswerThatIsNotJsonIsACommunicationError() {
        server.createContext("/admin/realms/acme/broken", exchange -> answer(exchange, 200, "<html>proxy</html>"));

        IamException broken = assertThrows(IamException.class, () -> api(PASSWORD).list("broken", Map.of()));

        assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, broken.code());
    }

    private KeycloakAdminApi api(String password) {
        return new KeycloakAdminApi(KeycloakRealm.administeredBy(serverUrl(), "acme", "admin", password),
                HttpClient.newHttpClient(), Duration.ofSeconds(5), clock, "list the realm's groups");
    }

    private URI serverUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
