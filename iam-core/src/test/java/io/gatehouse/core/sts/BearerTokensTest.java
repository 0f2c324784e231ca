package io.gatehouse.core.sts;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.port.SigningKeyRepository;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BearerTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private final Keys keys = new Keys();
    private final SecretCipher cipher = new SecretCipher(SecretCipher.generateKey("k1"), List.of());
    private final BearerTokens tokens = new BearerTokens(keys, cipher, Clock.fixed(NOW, ZoneOffset.UTC), "gatehouse-test");

    @Test
    void aTokenVerifiesWithThePublishedKeyAndNamesItsPrincipal() throws Exception {
        BearerTokens.IssuedBearerToken issued = tokens.issue("arn:aws:iam::123456789012:user/alice", "123456789012",
                "AIDAALICE", Optional.empty(), Duration.ofMinutes(30));

        SignedJWT jwt = SignedJWT.parse(issued.token());
        ECKey published = (ECKey) JWKSet.parse(tokens.jwks()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new ECDSAVerifier(published)));
        assertEquals("arn:aws:iam::123456789012:user/alice", jwt.getJWTClaimsSet().getSubject());
        assertEquals("arn:aws:iam::123456789012:user/alice", jwt.getJWTClaimsSet().getStringClaim("upn"));
        assertEquals(List.of(BearerTokens.AUDIENCE), jwt.getJWTClaimsSet().getAudience());
        assertEquals("gatehouse-test", jwt.getJWTClaimsSet().getIssuer());
        assertEquals(List.of(BearerTokens.GROUP), jwt.getJWTClaimsSet().getStringListClaim("groups"));
        assertEquals(NOW.plus(Duration.ofMinutes(30)), jwt.getJWTClaimsSet().getExpirationTime().toInstant());
        assertEquals(NOW.plus(Duration.ofMinutes(30)), issued.expiresAt());
        assertEquals(null, jwt.getJWTClaimsSet().getClaim(BearerTokens.SESSION_CLAIM));
    }

    @Test
    void aSessionsTokenCarriesItsSealedSession() throws Exception {
        String jwt = tokens.issue("arn:aws:sts::123456789012:assumed-role/r/s", "123456789012", "AROAX:s",
                Optional.of("sealed.session.token"), Duration.ofMinutes(5)).token();

        assertEquals("sealed.session.token", SignedJWT.parse(jwt).getJWTClaimsSet().getStringClaim(BearerTokens.SESSION_CLAIM));
    }

    @Test
    void theKeyIsMadeOnceStoredSealedAndPublishedWithoutItsPrivatePart() throws Exception {
        tokens.issue("arn:aws:iam::123456789012:root", "123456789012", "123456789012", Optional.empty(), Duration.ofMinutes(5));
        tokens.issue("arn:aws:iam::123456789012:root", "123456789012", "123456789012", Optional.empty(), Duration.ofMinutes(5));

        assertEquals(1, keys.stored.size());
        SigningKey stored = keys.stored.get(0);
        assertFalse(new String(stored.sealedPrivateJwk().ciphertext(), StandardCharsets.ISO_8859_1).contains("\"d\""));
        ECKey published = (ECKey) JWKSet.parse(tokens.jwks()).getKeys().get(0);
        assertFalse(published.isPrivate());
        assertEquals(stored.keyId(), published.getKeyID());
    }

    @Test
    void aTokenSignedByAnotherDeploymentDoesNotVerify() throws Exception {
        BearerTokens other = new BearerTokens(new Keys(), cipher, Clock.fixed(NOW, ZoneOffset.UTC), "gatehouse-test");
        SignedJWT foreign = SignedJWT.parse(other.issue("arn:aws:iam::123456789012:root", "123456789012",
                "123456789012", Optional.empty(), Duration.ofMinutes(5)).token());
        ECKey ours = (ECKey) JWKSet.parse(tokens.jwks()).getKeys().get(0);

        assertFalse(foreign.verify(new ECDSAVerifier(ours)));
    }

    private static final class Keys implements SigningKeyRepository {
        final List<SigningKey> stored = new ArrayList<>();

        @Override
        public List<SigningKey> all() {
            return List.copyOf(stored);
        }

        @Override
        public void create(SigningKey key) {
            stored.add(0, key);
        }
    }
}
