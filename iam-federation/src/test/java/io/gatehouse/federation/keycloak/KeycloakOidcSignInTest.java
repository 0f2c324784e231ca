package io.gatehouse.federation.keycloak;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.gatehouse.federation.oidc.CachingJwksSource;
import io.gatehouse.federation.oidc.OidcDiscovery;
import io.gatehouse.federation.oidc.OidcProviders;
import io.gatehouse.federation.oidc.VerifiedWebIdentity;
import io.gatehouse.federation.oidc.WebIdentityTokenVerifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authorization code flow with PKCE at a real Keycloak, driven as a browser and Gatehouse
 * would: the ID token it issues to Gatehouse's client verifies with Gatehouse's own verifier
 * against the issuer {@code connect} returned.
 */
@RealKeycloakTest
class KeycloakOidcSignInTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static TestRealm realm;
    private static GatehouseServiceProvider sp;
    private static ConnectedRealm connected;

    @BeforeAll
    static void connect() {
        realm = TestRealm.create("oidc");
        sp = TestRealm.gatehouse(OidcClientType.CONFIDENTIAL);
        connected = new KeycloakRealmConnector().connect(realm.connection(), sp, Set.of(Protocol.OIDC));
    }

    @Test
    void aliceIdTokenVerifiesAgainstTheConnectedRealmsIssuer() throws Exception {
        VerifiedWebIdentity identity = verify(aliceTokens().get("id_token").toString());
        assertEquals(connected.oidcIssuer(), identity.issuer());
        assertEquals(sp.oidcClientId(), identity.audience());
        assertEquals(List.of("alice"), identity.claimValues("preferred_username"));
    }

    @Test
    void idTokenCarriesAlicesGroupsByPath() throws Exception {
        VerifiedWebIdentity identity = verify(aliceTokens().get("id_token").toString());
        assertEquals(List.of("/engineering/dev"), identity.claimValues("groups"));
    }

    @Test
    void accessTokenNamesGatehouseAsAudience() throws Exception {
        VerifiedWebIdentity identity = verify(aliceTokens().get("access_token").toString());
        assertEquals(sp.oidcClientId(), identity.audience());
    }

    @Test
    void codeCannotBeExchangedWithoutThePkceVerifier() throws Exception {
        Authorization authorization = authorize(TestRealm.ALICE, TestRealm.ALICE_PASSWORD);
        String code = authorization.callback().get("code");
        HttpResponse<String> refused = tokenRequest(code, Optional.empty());
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("invalid_grant"), refused.body());
    }

    @Test
    void authorizationWithoutPkceChallengeIsRefused() {
        Browser browser = new Browser(RealKeycloak.serverUrl());
        Map<String, String> query = new LinkedHashMap<>(authorizationQuery("state-1", "nonce-1", "unused"));
        query.remove("code_challenge");
        query.remove("code_challenge_method");
        Browser.Page page = browser.get(URI.create(authorizationEndpoint() + "?" + Browser.encode(query)));
        Map<String, String> callback = callbackParameters(page.location().orElseThrow());
        assertEquals("invalid_request", callback.get("error"));
    }

    @Test
    void wrongPasswordReturnsTheFormWithAnErrorAndNoCode() {
        Authorization authorization = authorize(TestRealm.ALICE, "not-alices-password");
        assertEquals(Optional.empty(), authorization.page().location());
        assertTrue(authorization.page().html().contains("Invalid username or password"));
    }

    private record Authorization(Browser.Page page, String verifier, Map<String, String> callback) {
    }

    private static Map<String, Object> aliceTokens() throws Exception {
        Authorization authorization = authorize(TestRealm.ALICE, TestRealm.ALICE_PASSWORD);
        HttpResponse<String> tokens = tokenRequest(authorization.callback().get("code"),
                Optional.of(authorization.verifier()));
        assertEquals(200, tokens.statusCode(), tokens.body());
        return JSONObjectUtils.parse(tokens.body());
    }

    private static Authorization authorize(String username, String password) {
        String verifier = random();
        String state = random();
        Browser browser = new Browser(RealKeycloak.serverUrl());
        Browser.Page login = browser.get(URI.create(authorizationEndpoint() + "?"
                + Browser.encode(authorizationQuery(state, random(), challenge(verifier)))));
        Browser.Page answer = browser.signIn(login, username, password);
        Map<String, String> callback = answer.location().map(KeycloakOidcSignInTest::callbackParameters).orElse(Map.of());
        if (answer.location().isPresent()) {
            assertEquals(state, callback.get("state"));
        }
        return new Authorization(answer, verifier, callback);
    }

    private static Map<String, String> authorizationQuery(String state, String nonce, String challenge) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", sp.oidcClientId());
        query.put("redirect_uri", sp.oidcRedirectUris().get(0).toString());
        query.put("response_type", "code");
        query.put("scope", "openid");
        query.put("state", state);
        query.put("nonce", nonce);
        query.put("code_challenge", challenge);
        query.put("code_challenge_method", "S256");
        return query;
    }

    private static HttpResponse<String> tokenRequest(String code, Optional<String> verifier)
            throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", sp.oidcRedirectUris().get(0).toString());
        form.put("client_id", sp.oidcClientId());
        form.put("client_secret", connected.oidcClientSecret().orElseThrow());
        verifier.ifPresent(value -> form.put("code_verifier", value));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realm.url() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.encode(form))).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Tokens are stamped by Keycloak's clock, which is the real one. */
    private static VerifiedWebIdentity verify(String token) {
        Clock clock = Clock.systemUTC();
        return new WebIdentityTokenVerifier(new CachingJwksSource(new OidcDiscovery(), clock), clock)
                .verify(token, OidcProviders.of(connected.oidcProviderTrust()));
    }

    private static URI authorizationEndpoint() {
        return URI.create(realm.url() + "/protocol/openid-connect/auth");
    }

    private static Map<String, String> callbackParameters(String location) {
        URI uri = URI.create(location);
        assertTrue(location.startsWith(sp.oidcRedirectUris().get(0).toString()), location);
        Map<String, String> parameters = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
