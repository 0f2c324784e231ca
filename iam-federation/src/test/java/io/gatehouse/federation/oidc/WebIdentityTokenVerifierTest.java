package io.gatehouse.federation.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verifier against a real OpenID Connect provider (mock-oauth2-server) over loopback HTTP. */
class WebIdentityTokenVerifierTest {

    private static final String ISSUER_ID = "default";
    private static final String CLIENT_ID = "gatehouse-client";

    private static MockOAuth2Server server;
    private static OidcProviders providers;

    /** Generous: the provider's first answers are slow on a loaded machine while it warms up. */
    private static final Duration PATIENT = Duration.ofSeconds(20);

    private final MutableClock clock = new MutableClock(Instant.EPOCH);
    private final WebIdentityTokenVerifier verifier = new WebIdentityTokenVerifier(new CachingJwksSource(
            new OidcDiscovery(PATIENT, OidcDiscovery.DEFAULT_MAX_DOCUMENT_BYTES), clock), clock);

    @BeforeAll
    static void startProvider() {
        server = new MockOAuth2Server();
        server.start();
        providers = OidcProviders.of(OidcProviderTrust.of(issuer(), CLIENT_ID));
    }

    @AfterAll
    static void stopProvider() {
        server.shutdown();
    }

    @Test
    void acceptsIdTokenFromRegisteredProviderWithItsClaims() throws Exception {
        SignedJWT token = issue(ISSUER_ID, CLIENT_ID, "alice",
                Map.of("amr", List.of("pwd", "mfa"), "groups", List.of("dev", "ops"), "email", "alice@example.com"));
        clock.set(token.getJWTClaimsSet().getIssueTime().toInstant());

        VerifiedWebIdentity identity = verifier.verify(token.serialize(), providers);

        assertEquals(issuer(), identity.issuer());
        assertEquals("alice", identity.subject());
        assertEquals(CLIENT_ID, identity.audience());
        assertEquals(List.of("pwd", "mfa"), identity.amr());
        assertEquals(List.of("dev", "ops"), identity.claimValues("groups"));
        assertEquals(List.of("alice@example.com"), identity.claimValues("email"));
        assertEquals(token.getJWTClaimsSet().getExpirationTime().toInstant().getEpochSecond(),
                identity.expiresAt().getEpochSecond());
        assertEquals(issuer(), identity.provider().issuer().toString());
    }

    @Test
    void refusesTokenFromIssuerWithoutRegisteredProvider() throws Exception {
        SignedJWT token = issue("unregistered", CLIENT_ID, "alice", Map.of());
        clock.set(token.getJWTClaimsSet().getIssueTime().toInstant());

        IamException refused = refusal(token.serialize());

        assertEquals(ErrorCode.INVALID_IDENTITY_TOKEN, refused.code());
        assertEquals("No OpenIDConnect provider found in your account for "
                + server.issuerUrl("unregistered"), refused.getMessage());
    }

    @Test
    void refusesTokenIssuedToAnotherClient() throws Exception {
        SignedJWT token = issue(ISSUER_ID, "another-client", "alice", Map.of());
        clock.set(token.getJWTClaimsSet().getIssueTime().toInstant());

        IamException refused = refusal(token.serialize());

        assertEquals(ErrorCode.INVALID_IDENTITY_TOKEN, refused.code());
        assertEquals("Incorrect token audience", refused.getMessage());
    }

    @Test
    void refusesTokenPastItsExpiryBeyondClockSkew() throws Exception {
        SignedJWT token = issue(ISSUER_ID, CLIENT_ID, "alice", Map.of());
        Instant expiry = token.getJWTClaimsSet().getExpirationTime().toInstant();
        clock.set(expiry.plus(WebIdentityTokenVerifier.DEFAULT_CLOCK_SKEW).plusSeconds(1));

        IamException refused = refusal(token.serialize());

        assertEquals(ErrorCode.EXPIRED_TOKEN_EXCEPTION, refused.code());
        assertEquals("Token expired: current date/time " + clock.instant().getEpochSecond()
                + " must be before the expiration date/time " + expiry.getEpochSecond(), refused.getMessage());
    }

    @Test
    void refusesTokenBeforeItsNotBeforeTime() throws Exception {
        SignedJWT token = issue(ISSUER_ID, CLIENT_ID, "alice", Map.of());
        Instant notBefore = token.getJWTClaimsSet().getNotBeforeTime().toInstant();
        clock.set(notBefore.minus(WebIdentityTokenVerifier.DEFAULT_CLOCK_SKEW).minusSeconds(1));

        IamException refused = refusal(token.serialize());

        assertEquals(ErrorCode.INVALID_IDENTITY_TOKEN, refused.code());
        assertTrue(refused.getMessage().startsWith("Token is not yet valid"), refused.getMessage());
    }

    @Test
    void refusesUnsignedToken() throws Exception {
        SignedJWT issued = issue(ISSUER_ID, CLIENT_ID, "alice", Map.of());
        clock.set(issued.getJWTClaimsSet().getIssueTime().toInstant());
        String unsigned = new PlainJWT(issued.getJWTClaimsSet()).serialize();

        IamException refused = refusal(unsigned);

        assertEquals(ErrorCode.INVALID_IDENTITY_TOKEN, refused.code());
        assertTrue(refused.getMessage().contains("unsigned"), refused.getMessage());
    }

    @Test
    void refusesHmacTokenKeyedWithProvidersPublicKey() throws Exception {
        SignedJWT issued = issue(ISSUER_ID, CLIENT_ID, "alice", Map.of());
        clock.set(issued.getJWTClaimsSet().getIssueTime().toInstant());
        RSAKey published = JWKSet.load(new URL(server.jwksUrl(ISSUER_ID).toString())).getKeys().get(0).toRSAKey();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                .keyID(published.getKeyID()).build(), issued.getJWTClaimsSet());
        forged.sign(new MACSigner(published.toRSAPublicKey().getEncoded()));

        IamException refused = refusal(forged.serialize());

        assertEquals(ErrorCode.INVALID_IDENTITY_TOKEN, refused.code());
        assertTrue(refused.getMessage().contains("signed with HS256"), refused.getMessage());
    }

    @Test
    void refusesTokenSignedWithKeyTheProviderNeverPublished() throws Exception {
        SignedJWT issued = issue(ISSUER_ID, CLIENT_ID, "alice", Map.of());
        clock.set(issued.getJWTClaimsSet().getIssueTime().toInstant());
        var foreignKey = LoopbackIdentityProvider.newRsaKey();
        String forged = LoopbackIdentityProvider.sign(issued.getJWTClaimsSet(), foreignKey, JWSAlgorithm.RS256);

        IamException refused = refusal(forged);

        assertEquals(ErrorCode.INVALID_IDENTITY_TOKEN, refused.code());
        assertTrue(refused.getMessage().contains(foreignKey.getKeyID()), refused.getMessage());
    }

    @Test
    void refusesTokenWhosePayloadWasAltered() throws Exception {
        SignedJWT issued = issue(ISSUER_ID, CLIENT_ID, "alice", Map.of());
        clock.set(issued.getJWTClaimsSet().getIssueTime().toInstant());
        JWTClaimsSet altered = new JWTClaimsSet.Builder(issued.getJWTClaimsSet()).subject("admin").build();
        String[] parts = issued.serialize().split("\\.");
        String tampered = parts[0] + "." + Base64URL.encode(altered.toString().getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        IamException refused = refusal(tampered);

        assertEquals(ErrorCode.INVALID_IDENTITY_TOKEN, refused.code());
        assertEquals("The web identity token's signature is invalid", refused.getMessage());
    }

    @Test
    void acceptsTokenStillWithinClockSkewAfterExpiry() throws Exception {
        SignedJWT token = issue(ISSUER_ID, CLIENT_ID, "alice", Map.of());
        clock.set(token.getJWTClaimsSet().getExpirationTime().toInstant().plus(Duration.ofSeconds(59)));

        assertEquals("alice", verifier.verify(token.serialize(), providers).subject());
    }

    private IamException refusal(String token) {
        return assertThrows(IamException.class, () -> verifier.verify(token, providers));
    }

    private static SignedJWT issue(String issuerId, String audience, String subject, Map<String, Object> claims) {
        return server.issueToken(issuerId, audience,
                new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", List.of(audience), claims, 3600));
    }

    private static String issuer() {
        return server.issuerUrl(ISSUER_ID).toString();
    }
}
