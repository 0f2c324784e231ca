package io.gatehouse.federation.oidc;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token and claim rules, with tokens shaped by hand and signed by a loopback provider. */
class WebIdentityTokenRulesTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private final LoopbackIdentityProvider idp = new LoopbackIdentityProvider();
    private final MutableClock clock = new MutableClock(NOW);
    private final WebIdentityTokenVerifier verifier =
            new WebIdentityTokenVerifier(new CachingJwksSource(new OidcDiscovery(), clock), clock);
    private final OidcProviders providers = OidcProviders.of(idp.trust());

    @AfterEach
    void stopProvider() {
        idp.close();
    }

    @Test
    void acceptsEs256TokenFromProviderPublishingAnEcKey() throws Exception {
        JWK ecKey = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        idp.publish(ecKey);

        String token = LoopbackIdentityProvider.sign(idp.claims(NOW).subject("bob").build(), ecKey, JWSAlgorithm.ES256);

        assertEquals("bob", verifier.verify(token, providers).subject());
    }

    @Test
    void acceptsAccessTokenTypedAtJwt() throws Exception {
        String token = signedWithType(new JOSEObjectType("at+jwt"), idp.claims(NOW).subject("svc").build());

        assertEquals("svc", verifier.verify(token, providers).subject());
    }

    @Test
    void refusesJwtOfAnotherKindThanIdOrAccessToken() throws Exception {
        String token = signedWithType(new JOSEObjectType("logout+jwt"), idp.claims(NOW).build());

        assertInvalid(token, "its type logout+jwt is not an ID token or an access token");
    }

    @Test
    void refusesTokenLongerThanAwsAllows() {
        String token = idp.sign(idp.claims(NOW).claim("padding", "x".repeat(WebIdentityTokenVerifier.MAX_TOKEN_LENGTH)).build());

        IamException refused = assertThrows(IamException.class, () -> verifier.verify(token, providers));

        assertEquals(ErrorCode.VALIDATION_ERROR, refused.code());
        assertTrue(refused.getMessage().contains("webIdentityToken"), refused.getMessage());
    }

    @Test
    void refusesTextThatIsNotAJwt() {
        assertInvalid("this is not a token", "The web identity token is not a valid JWT");
    }

    @Test
    void refusesEncryptedToken() throws Exception {
        EncryptedJWT jwe = new EncryptedJWT(new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM),
                idp.claims(NOW).build());
        jwe.encrypt(new RSAEncrypter(idp.signingKey().toRSAKey()));

        assertInvalid(jwe.serialize(), "Encrypted web identity tokens (JWE) are not supported; send the signed token");
    }

    @Test
    void refusesTokenWithoutIssuer() {
        assertInvalid(idp.sign(idp.claims(NOW).issuer(null).build()), "The web identity token has no issuer (iss)");
    }

    @Test
    void refusesTokenWithoutExpiry() {
        assertInvalid(idp.sign(idp.claims(NOW).expirationTime(null).build()),
                "The web identity token has no expiration time (exp)");
    }

    @Test
    void refusesTokenWithoutIssueTime() {
        assertInvalid(idp.sign(idp.claims(NOW).issueTime(null).build()), "The web identity token has no issue time (iat)");
    }

    @Test
    void refusesTokenIssuedLaterThanNowBeyondClockSkew() {
        Instant later = NOW.plusSeconds(61);

        assertInvalid(idp.sign(idp.claims(later).build()), "Token issued in the future: issue date/time "
                + later.getEpochSecond() + " is after the current date/time " + NOW.getEpochSecond());
    }

    @Test
    void acceptsTokenIssuedLaterThanNowWithinClockSkew() {
        String token = idp.sign(idp.claims(NOW.plusSeconds(60)).subject("carol").build());

        assertEquals("carol", verifier.verify(token, providers).subject());
    }

    @Test
    void refusesTokenWithoutSubject() {
        assertInvalid(idp.sign(idp.claims(NOW).subject(null).build()), "The web identity token has no subject (sub)");
    }

    @Test
    void acceptsAudienceArrayThatContainsTheClientId() {
        String token = idp.sign(idp.claims(NOW).audience(List.of("other", LoopbackIdentityProvider.CLIENT_ID)).build());

        assertEquals(LoopbackIdentityProvider.CLIENT_ID, verifier.verify(token, providers).audience());
    }

    @Test
    void takesAuthorizedPartyAsAudienceAmongSeveralRegisteredClients() {
        OidcProviders twoClients = OidcProviders.of(OidcProviderTrust.of(idp.issuer(), "web", "mobile"));
        String token = idp.sign(idp.claims(NOW).audience(List.of("web", "mobile")).claim("azp", "mobile").build());

        assertEquals("mobile", verifier.verify(token, twoClients).audience());
    }

    @Test
    void acceptsAuthorizedPartyWhenTokenHasNoAudience() {
        String token = idp.sign(idp.claims(NOW).audience((String) null)
                .claim("azp", LoopbackIdentityProvider.CLIENT_ID).build());

        assertEquals(LoopbackIdentityProvider.CLIENT_ID, verifier.verify(token, providers).audience());
    }

    @Test
    void ignoresAuthorizedPartyWhenAudienceNamesAnotherClient() {
        String token = idp.sign(idp.claims(NOW).audience("other")
                .claim("azp", LoopbackIdentityProvider.CLIENT_ID).build());

        assertInvalid(token, "Incorrect token audience");
    }

    @Test
    void refusesTokenWhoseIssuerDiffersFromTheOneDiscoveryDeclares() {
        idp.declareIssuer(idp.issuer() + "/elsewhere");

        assertInvalid(idp.sign(idp.claims(NOW).build()), "The token's issuer " + idp.issuer()
                + " differs from the issuer " + idp.issuer() + "/elsewhere its provider's discovery document declares");
    }

    @Test
    void refusesTokenWhoseIssuerOnlyNormalizesToTheDeclaredOne() {
        String token = idp.sign(idp.claims(NOW).issuer(idp.issuer() + "/").build());

        IamException refused = assertThrows(IamException.class, () -> verifier.verify(token, providers));

        assertEquals(ErrorCode.INVALID_IDENTITY_TOKEN, refused.code());
        assertTrue(refused.getMessage().contains("differs from the issuer"), refused.getMessage());
    }

    @Test
    void refusesProviderWhoseJwksUriIsPlainHttpOffLoopback() {
        idp.declareJwksUri("http://keys.example.com/jwks");

        IamException refused = assertThrows(IamException.class,
                () -> verifier.verify(idp.sign(idp.claims(NOW).build()), providers));

        assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, refused.code());
        assertTrue(refused.getMessage().contains("jwks_uri"), refused.getMessage());
    }

    @Test
    void reportsUnreachableProviderAsCommunicationError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String unreachable = "http://127.0.0.1:" + closedPort;
        String token = idp.sign(idp.claims(NOW).issuer(unreachable).build());

        IamException refused = assertThrows(IamException.class,
                () -> verifier.verify(token, OidcProviders.of(OidcProviderTrust.of(unreachable, "gatehouse-client"))));

        assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, refused.code());
        assertTrue(refused.getMessage().startsWith("Couldn't retrieve verification key from your identity provider"),
                refused.getMessage());
    }

    private String signedWithType(JOSEObjectType type, JWTClaimsSet claims) throws Exception {
        JWK key = idp.signingKey();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(type).build(),
                claims);
        jwt.sign(new RSASSASigner(key.toRSAKey()));
        return jwt.serialize();
    }

    private void assertInvalid(String token, String message) {
        IamException refused = assertThrows(IamException.class, () -> verifier.verify(token, providers));
        assertEquals(ErrorCode.INVALID_IDENTITY_TOKEN, refused.code());
        assertTrue(refused.getMessage().endsWith(message), refused.getMessage());
    }
}
