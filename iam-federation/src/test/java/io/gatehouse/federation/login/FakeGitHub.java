package io.gatehouse.federation.login;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.gatehouse.core.federation.ProviderUrl;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GitHub's sign-in and user API as GitHub Enterprise Server lays them out, on loopback: the
 * authorize page redirects straight back with a code, the token endpoint checks client secret,
 * code, redirect URI and PKCE verifier as GitHub does, and the user API wants the token it issued.
 */
final class FakeGitHub implements AutoCloseable {

    static final String CLIENT_ID = "Iv1.gatehouse";
    static final String CLIENT_SECRET = "github-secret";

    /** What an authorize request asked for, to check its code's redemption against. */
    private record Grant(String redirectUri, String codeChallenge) {
    }

    private final HttpServer server;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<String, Boolean> accessTokens = new ConcurrentHashMap<>();

    volatile String profile = "{\"id\":123,\"login\":\"octocat\",\"email\":null,\"name\":\"The Octocat\"}";
    volatile String emails = """
            [{"email":"octocat@users.noreply.github.com","primary":false,"verified":true,"visibility":null},
             {"email":"octocat@github.com","primary":true,"verified":true,"visibility":"public"}]""";
    volatile int userStatus = 200;
    volatile int tokenStatus = 200;

    FakeGitHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/login/oauth/authorize", this::authorize);
        server.createContext("/login/oauth/access_token", this::accessToken);
        server.createContext("/api/v3/user/emails", exchange -> api(exchange, emails));
        server.createContext("/api/v3/user", exchange -> api(exchange, profile));
        server.start();
    }

    OAuth2LoginProvider provider() {
        return OAuth2LoginProvider.githubEnterprise(ProviderUrl.parse("Url", base()), CLIENT_ID, CLIENT_SECRET);
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = Browser.query(exchange.getRequestURI());
        String code = UUID.randomUUID().toString();
        grants.put(code, new Grant(query.get("redirect_uri"), query.get("code_challenge")));
        exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code + "&state="
                + BackChannel.encode(query.get("state")));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void accessToken(HttpExchange exchange) throws IOException {
        Map<String, String> form = Browser.query(URI.create("?" + new String(exchange.getRequestBody().readAllBytes(),
                StandardCharsets.UTF_8)));
        if (tokenStatus != 200) {
            respond(exchange, tokenStatus, "text/html", "<html>Unicorn!</html>");
            return;
        }
        Grant grant = grants.remove(form.getOrDefault("code", ""));
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            error(exchange, "incorrect_client_credentials", "The client_id and/or client_secret passed are incorrect.");
        } else if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri")) || form.get("code_verifier") == null
                || !grant.codeChallenge().equals(AuthorizationCodeLogin.codeChallenge(form.get("code_verifier")))) {
            error(exchange, "bad_verification_code", "The code passed is incorrect or expired.");
        } else {
            String token = "gho_" + UUID.randomUUID().toString().replace("-", "");
            accessTokens.put(token, true);
            boolean json = exchange.getRequestHeaders().getOrDefault("Accept", List.of()).contains("application/json");
            respond(exchange, 200, json ? "application/json" : "application/x-www-form-urlencoded", json
                    ? "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"scope\":\"read:user,user:email\"}"
                    : "access_token=" + token + "&token_type=bearer&scope=read%3Auser");
        }
    }

    /** GitHub answers a bad code with HTTP 200 and an error object. */
    private static void error(HttpExchange exchange, String error, String description) throws IOException {
        respond(exchange, 200, "application/json", "{\"error\":\"" + error + "\",\"error_description\":\""
                + description + "\",\"error_uri\":\"https://docs.github.com/apps\"}");
    }

    private void api(HttpExchange exchange, String body) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        boolean known = authorization != null && authorization.startsWith("Bearer ")
                && accessTokens.containsKey(authorization.substring("Bearer ".length()));
        if (!known || userStatus == 401) {
            respond(exchange, 401, "application/json", "{\"message\":\"Bad credentials\"}");
        } else {
            respond(exchange, userStatus, "application/json", body);
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
