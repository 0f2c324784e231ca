package io.gatehouse.federation.login;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.federation.ProviderUrl;
import io.gatehouse.federation.oidc.CachingJwksSource;
import io.gatehouse.federation.oidc.OidcDiscovery;
import io.gatehouse.federation.oidc.WebIdentityTokenVerifier;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browser sign-in at a real OpenID Connect provider (mock-oauth2-server, in process). */
class OidcSignInTest {

    private static final String ISSUER_ID = "corp";
    private static final String CLIENT_ID = "gatehouse-console";
    private static final URI REDIRECT = URI.create("http://localhost:9080/console/callback");
    /** Generous: the provider's first answers are slow on a loaded machine while it warms up. */
    private static final Duration PATIENT = Duration.ofSeconds(20);

    private static MockOAuth2Server server;

    private final SettableClock clock = new SettableClock(Instant.now());
    private final OidcDiscovery discovery = new OidcDiscovery(PATIENT, OidcDiscovery.DEFAULT_MAX_DOCUMENT_BYTES);
    private final AuthorizationCodeLogin login = new AuthorizationCodeLogin(new BackChannel(PATIENT, 64 * 1024),
            discovery, new WebIdentityTokenVerifier(new CachingJwksSource(discovery, clock), clock), clock,
            new SecureRandom());
    private final OidcLoginProvider provider = OidcLoginProvider.confidential("corp", issuer(), CLIENT_ID, "s3cret");

    @BeforeAll
    static void startProvider() {
        server = new MockOAuth2Server();
        server.start();
    }

    @AfterAll
    static void stopProvider() {
        server.shutdown();
    }

    @Test
    void signsInWithSubjectAndClaimsOfVerifiedIdToken() throws Exception {
        nextSignInIs("alice", Map.of("email", "alice@example.com", "email_verified", true, "name", "Alice Liddell",
                "preferred_username", "alice", "groups", List.of("admins", "dev"),
                "realm_access", Map.of("roles", List.of("auditor"))));
        LoginStart start = login.begin(provider, REDIRECT);

        SignedInIdentity identity = login.complete(provider, start.pending(), Browser.signIn(start.authorizationUrl(), REDIRECT));

        assertEquals("corp", identity.providerName());
        assertEquals(server.issuerUrl(ISSUER_ID).toString(), identity.issuer());
        assertEquals("alice", identity.subject());
        assertEquals(Optional.of("alice@example.com"), identity.email());
        assertTrue(identity.emailVerified());
        assertEquals(Optional.of("Alice Liddell"), identity.name());
        assertEquals(Optional.of("alice"), identity.username());
        assertEquals(List.of("admins", "dev"), identity.claim("groups"));
        assertEquals(List.of("auditor"), identity.claim("realm_access.roles"));
        assertEquals(List.of(), identity.claim("nonce"), "the nonce is not a claim for mapping rules");
    }

    @Test
    void authorizationRequestCarriesStateNonceAndS256ChallengeOfTheVerifier() {
        LoginStart start = login.begin(provider, REDIRECT);
        Map<String, String> request = Browser.query(start.authorizationUrl());

        assertTrue(start.authorizationUrl().toString().startsWith(server.authorizationEndpointUrl(ISSUER_ID) + "?"));
        assertEquals("code", request.get("response_type"));
        assertEquals(CLIENT_ID, request.get("client_id"));
        assertEquals(REDIRECT.toString(), request.get("redirect_uri"));
        assertEquals("openid email profile", request.get("scope"));
        assertEquals(start.pending().state(), request.get("state"));
        assertEquals(start.pending().nonce().orElseThrow(), request.get("nonce"));
        assertEquals("S256", request.get("code_challenge_method"));
        assertEquals(AuthorizationCodeLogin.codeChallenge(start.pending().codeVerifier()), request.get("code_challenge"));
    }

    @Test
    void drawsFreshSecretsOfAtLeast32BytesForEverySignIn() {
        PendingLogin first = login.begin(provider, REDIRECT).pending();
        PendingLogin second = login.begin(provider, REDIRECT).pending();

        for (String secret : List.of(first.state(), first.nonce().orElseThrow(), first.codeVerifier())) {
            assertTrue(secret.matches("[A-Za-z0-9_-]{43,}"), "32 bytes in base64url: " + secret.length());
        }
        assertFalse(first.state().equals(second.state()) || first.codeVerifier().equals(second.codeVerifier())
                || first.nonce().equals(second.nonce()));
    }

    @Test
    void signsInAsPublicClientBoundByPkceAlone() throws Exception {
        nextSignInIs("bob", Map.of());
        OidcLoginProvider publicClient = OidcLoginProvider.publicClient("corp-public", issuer(), CLIENT_ID);
        LoginStart start = login.begin(publicClient, REDIRECT);

        SignedInIdentity identity = login.complete(publicClient, start.pending(), Browser.signIn(start.authorizationUrl(), REDIRECT));

        assertEquals("bob", identity.subject());
        assertEquals(Optional.empty(), identity.email());
    }

    @Test
    void providerRefusesCodeRedeemedWithAnotherVerifier() throws Exception {
        LoginStart start = login.begin(provider, REDIRECT);
        Map<String, String> callback = Browser.signIn(start.authorizationUrl(), REDIRECT);
        PendingLogin tampered = new PendingLogin(start.pending().providerName(), start.pending().state(),
                start.pending().nonce(), "another-verifier-another-verifier-another-verifier",
                start.pending().redirectUri(), start.pending().startedAt());

        IamException refused = assertThrows(IamException.class, () -> login.complete(provider, tampered, callback));

        assertEquals(ErrorCode.ACCESS_DENIED, refused.code());
        assertTrue(refused.getMessage().startsWith("The identity provider refused the sign-in code: invalid_grant"),
                refused.getMessage());
    }

    @Test
    void refusesCallbackWithAnotherState() throws Exception {
        LoginStart start = login.begin(provider, REDIRECT);
        Map<String, String> callback = new HashMap<>(Browser.signIn(start.authorizationUrl(), REDIRECT));
        callback.put("state", login.begin(provider, REDIRECT).pending().state());

        IamException refused = assertThrows(IamException.class, () -> login.complete(provider, start.pending(), callback));

        assertEquals(ErrorCode.ACCESS_DENIED, refused.code());
        assertEquals("The callback's state does not match the pending sign-in; sign in again", refused.getMessage());
    }

    @Test
    void refusesPendingSignInCompletedTwice() throws Exception {
        nextSignInIs("alice", Map.of());
        LoginStart start = login.begin(provider, REDIRECT);
        Map<String, String> callback = Browser.signIn(start.authorizationUrl(), REDIRECT);
        login.complete(provider, start.pending(), callback);

        IamException refused = assertThrows(IamException.class, () -> login.complete(provider, start.pending(), callback));

        assertEquals(ErrorCode.ACCESS_DENIED, refused.code());
        assertEquals("The sign-in has already been completed; sign in again", refused.getMessage());
    }

    @Test
    void refusesSignInCompletedAfterTenMinutes() throws Exception {
        LoginStart start = login.begin(provider, REDIRECT);
        Map<String, String> callback = Browser.signIn(start.authorizationUrl(), REDIRECT);
        clock.advance(AuthorizationCodeLogin.DEFAULT_MAX_LOGIN_AGE);

        IamException refused = assertThrows(IamException.class, () -> login.complete(provider, start.pending(), callback));

        assertEquals(ErrorCode.ACCESS_DENIED, refused.code());
        assertEquals("The sign-in has expired: it was started more than 10 minutes ago; sign in again", refused.getMessage());
    }

    @Test
    void refusesSignInTheProviderReportsRefusedWithItsSanitizedText() {
        LoginStart start = login.begin(provider, REDIRECT);
        Map<String, String> callback = Map.of("state", start.pending().state(), "error", "access_denied",
                "error_description", "The user said \"no\"\r\n<script>" + "x".repeat(300));

        IamException refused = assertThrows(IamException.class, () -> login.complete(provider, start.pending(), callback));

        assertEquals(ErrorCode.ACCESS_DENIED, refused.code());
        String sanitized = "The user said ?no???<script>";
        assertEquals("The identity provider refused the sign-in: access_denied: " + sanitized
                + "x".repeat(ProviderText.MAX_DESCRIPTION_LENGTH - sanitized.length()) + "...", refused.getMessage());
    }

    @Test
    void refusesIdTokenBoundToAnotherNonce() throws Exception {
        nextSignInIs("alice", Map.of());
        LoginStart start = login.begin(provider, REDIRECT);
        Map<String, String> callback = Browser.signIn(start.authorizationUrl(), REDIRECT);
        PendingLogin tampered = new PendingLogin(start.pending().providerName(), start.pending().state(),
                Optional.of("a-nonce-this-sign-in-never-sent"), start.pending().codeVerifier(),
                start.pending().redirectUri(), start.pending().startedAt());

        IamException refused = assertThrows(IamException.class, () -> login.complete(provider, tampered, callback));

        assertEquals(ErrorCode.ACCESS_DENIED, refused.code());
        assertEquals("The ID token's nonce does not match the sign-in's; sign in again", refused.getMessage());
    }

    @Test
    void refusesCallbackNamingAnotherIssuer() throws Exception {
        LoginStart start = login.begin(provider, REDIRECT);
        Map<String, String> callback = new HashMap<>(Browser.signIn(start.authorizationUrl(), REDIRECT));
        callback.put("iss", server.issuerUrl("elsewhere").toString());

        IamException refused = assertThrows(IamException.class, () -> login.complete(provider, start.pending(), callback));

        assertEquals(ErrorCode.ACCESS_DENIED, refused.code());
        assertTrue(refused.getMessage().endsWith("(RFC 9207)"), refused.getMessage());
    }

    @Test
    void acceptsCallbackNamingItsOwnIssuer() throws Exception {
        nextSignInIs("carol", Map.of());
        LoginStart start = login.begin(provider, REDIRECT);
        Map<String, String> callback = new HashMap<>(Browser.signIn(start.authorizationUrl(), REDIRECT));
        callback.put("iss", server.issuerUrl(ISSUER_ID).toString());

        assertEquals("carol", login.complete(provider, start.pending(), callback).subject());
    }

    @Test
    void refusesCallbackForPendingSignInAtAnotherProvider() throws Exception {
        LoginStart start = login.begin(provider, REDIRECT);
        Map<String, String> callback = Browser.signIn(start.authorizationUrl(), REDIRECT);

        IamException refused = assertThrows(IamException.class,
                () -> login.complete(provider.named("other"), start.pending(), callback));

        assertEquals(ErrorCode.ACCESS_DENIED, refused.code());
    }

    @Test
    void refusesIdTokenOfAnotherTypeAsTheVerifierDoes() throws Exception {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "alice", "logout+jwt", List.of(CLIENT_ID), Map.of(), 3600));
        LoginStart start = login.begin(provider, REDIRECT);
        Map<String, String> callback = Browser.signIn(start.authorizationUrl(), REDIRECT);

        IamException refused = assertThrows(IamException.class, () -> login.complete(provider, start.pending(), callback));

        assertEquals(ErrorCode.INVALID_IDENTITY_TOKEN, refused.code());
        assertTrue(refused.getMessage().contains("logout+jwt is not an ID token"), refused.getMessage());
    }

    @Test
    void reportsUnreachableProviderAsCommunicationError() {
        OidcLoginProvider unreachable = OidcLoginProvider.confidential("gone",
                ProviderUrl.parse("issuer", "http://127.0.0.1:1/gone"), CLIENT_ID, "s3cret");

        IamException refused = assertThrows(IamException.class, () -> login.begin(unreachable, REDIRECT));

        assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, refused.code());
    }

    private static ProviderUrl issuer() {
        return ProviderUrl.parse("issuer", server.issuerUrl(ISSUER_ID).toString());
    }

    private static void nextSignInIs(String subject, Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of(CLIENT_ID), claims, 3600));
    }
}
