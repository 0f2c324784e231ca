package io.gatehouse.federation.login;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.federation.oidc.CachingJwksSource;
import io.gatehouse.federation.oidc.OidcDiscovery;
import io.gatehouse.federation.oidc.WebIdentityTokenVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browser sign-in at a GitHub-style OAuth 2.0 provider, over real HTTP on loopback. */
class GitHubSignInTest {

    private static final URI REDIRECT = URI.create("https://gatehouse.example.com/console/callback");
    private static final Duration PATIENT = Duration.ofSeconds(20);

    private final FakeGitHub github = new FakeGitHub();
    private final OAuth2LoginProvider provider = github.provider();
    private final SettableClock clock = new SettableClock(Instant.parse("2025-03-01T09:00:00Z"));
    private final OidcDiscovery discovery = new OidcDiscovery(PATIENT, OidcDiscovery.DEFAULT_MAX_DOCUMENT_BYTES);
    private final AuthorizationCodeLogin login = new AuthorizationCodeLogin(new BackChannel(PATIENT, 16 * 1024),
            discovery, new WebIdentityTokenVerifier(new CachingJwksSource(discovery, clock), clock), clock,
            new SecureRandom());

    GitHubSignInTest() throws Exception {
    }

    @AfterEach
    void stopGitHub() {
        github.close();
    }

    @Test
    void signsInWithNumericIdLoginNameAndPrimaryVerifiedEmail() throws Exception {
        SignedInIdentity identity = signIn();

        assertEquals(provider.name(), identity.providerName());
        assertEquals(github.base(), identity.issuer());
        assertEquals("123", identity.subject());
        assertEquals(Optional.of("octocat"), identity.username());
        assertEquals(Optional.of("The Octocat"), identity.name());
        assertEquals(Optional.of("octocat@github.com"), identity.email());
        assertTrue(identity.emailVerified());
        assertEquals(List.of("octocat"), identity.claim("login"));
        assertEquals(List.of("octocat@github.com"), identity.claim("email"));
        assertEquals(List.of("true"), identity.claim("email_verified"));
    }

    @Test
    void signsInWithoutEmailWhenNoAddressIsPrimaryAndVerified() throws Exception {
        github.emails = """
                [{"email":"octocat@github.com","primary":true,"verified":false},
                 {"email":"octo@example.com","primary":false,"verified":true}]""";

        SignedInIdentity identity = signIn();

        assertEquals(Optional.empty(), identity.email());
        assertFalse(identity.emailVerified());
        assertEquals(List.of("false"), identity.claim("email_verified"));
    }

    @Test
    void keepsPublicProfileEmailVerifiedOnlyIfListedAsVerified() throws Exception {
        github.profile = "{\"id\":123,\"login\":\"octocat\",\"email\":\"octo@example.com\",\"name\":null}";
        github.emails = "[{\"email\":\"octo@example.com\",\"primary\":false,\"verified\":true}]";

        SignedInIdentity identity = signIn();

        assertEquals(Optional.of("octo@example.com"), identity.email());
        assertTrue(identity.emailVerified());
        assertEquals(Optional.empty(), identity.name());
    }

    @Test
    void reportsUserApiRefusingTheAccessTokenAsCommunicationError() {
        github.userStatus = 401;

        IamException refused = assertThrows(IamException.class, this::signIn);

        assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, refused.code());
        assertEquals("The identity provider's user API " + github.base()
                + "/api/v3/user refused the access token it had just issued (HTTP 401)", refused.getMessage());
    }

    @Test
    void refusesSignInWhenTokenEndpointAnswersWithAnError() throws Exception {
        LoginStart start = login.begin(provider, REDIRECT);
        Map<String, String> callback = Map.of("code", "a-code-github-never-issued", "state", start.pending().state());

        IamException refused = assertThrows(IamException.class, () -> login.complete(provider, start.pending(), callback));

        assertEquals(ErrorCode.ACCESS_DENIED, refused.code());
        assertEquals("The identity provider refused the sign-in code: bad_verification_code: "
                + "The code passed is incorrect or expired.", refused.getMessage());
    }

    @Test
    void providerRefusesCodeRedeemedWithAnotherVerifier() throws Exception {
        LoginStart start = login.begin(provider, REDIRECT);
        Map<String, String> callback = Browser.signIn(start.authorizationUrl(), REDIRECT);
        PendingLogin pending = start.pending();
        PendingLogin tampered = new PendingLogin(pending.providerName(), pending.state(), pending.nonce(),
                "x" + pending.codeVerifier(), pending.redirectUri(), pending.startedAt());

        IamException refused = assertThrows(IamException.class, () -> login.complete(provider, tampered, callback));

        assertEquals(ErrorCode.ACCESS_DENIED, refused.code());
        assertTrue(refused.getMessage().contains("bad_verification_code"), refused.getMessage());
    }

    @Test
    void reportsTokenEndpointFailureAsCommunicationError() {
        github.tokenStatus = 502;

        IamException refused = assertThrows(IamException.class, this::signIn);

        assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, refused.code());
        assertEquals("The identity provider's token endpoint " + github.base()
                + "/login/oauth/access_token answered HTTP 502", refused.getMessage());
    }

    @Test
    void reportsUserApiAnsweringGarbageAsCommunicationError() {
        github.profile = "<html>not json</html>";

        IamException refused = assertThrows(IamException.class, this::signIn);

        assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, refused.code());
    }

    @Test
    void reportsUserApiAnswerBeyondTheSizeCapAsCommunicationError() {
        github.profile = "{\"id\":123,\"bio\":\"" + "x".repeat(20 * 1024) + "\"}";

        IamException refused = assertThrows(IamException.class, this::signIn);

        assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, refused.code());
        assertTrue(refused.getMessage().endsWith("answered with more than " + 16 * 1024 + " bytes"), refused.getMessage());
    }

    @Test
    void asksForNoNonceFromAProviderWithoutIdTokens() {
        LoginStart start = login.begin(provider, REDIRECT);

        assertEquals(Optional.empty(), start.pending().nonce());
        assertFalse(Browser.query(start.authorizationUrl()).containsKey("nonce"));
    }

    private SignedInIdentity signIn() throws Exception {
        LoginStart start = login.begin(provider, REDIRECT);
        return login.complete(provider, start.pending(), Browser.signIn(start.authorizationUrl(), REDIRECT));
    }
}
