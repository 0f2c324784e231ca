package io.gatehouse.core.sts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.port.SigningKeyRepository;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues the MicroProfile JWT bearer tokens of the JSON REST API: ES256-signed, with the caller's
 * ARN as subject and, for temporary credentials, the sealed session token as a claim, so a REST
 * request is authorized exactly like the same session's SigV4 request. The public keys are
 * published as a JWKS, which Liberty's mpJwt feature reads to validate tokens.
 */
public final class BearerTokens {

    public static final String AUDIENCE = "gatehouse";
    /** The MP-JWT group every Gatehouse token carries; resources require it. */
    public static final String GROUP = "gatehouse";
    public static final String ACCOUNT_CLAIM = "gh_acct";
    public static final String PRINCIPAL_ID_CLAIM = "gh_uid";
    public static final String SESSION_CLAIM = "gh_sts";
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

    private final SigningKeyRepository keys;
    private final SecretCipher cipher;
    private final Clock clock;
    private final String issuer;

    public BearerTokens(SigningKeyRepository keys, SecretCipher cipher, Clock clock, String issuer) {
        this.keys = keys;
        this.cipher = cipher;
        this.clock = clock;
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    /** A token for a principal: its ARN, account and unique id, and its session token when it has one. */
    public IssuedBearerToken issue(String principalArn, String account, String principalId,
                                   Optional<String> sealedSession, Duration lifetime) {
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject(principalArn)
                .claim("upn", principalArn)
                .claim("groups", List.of(GROUP))
                .claim(ACCOUNT_CLAIM, account)
                .claim(PRINCIPAL_ID_CLAIM, principalId)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString());
        sealedSession.ifPresent(token -> claims.claim(SESSION_CLAIM, token));
        ECKey key = signingKey();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a bearer token", e);
        }
        return new IssuedBearerToken(jwt.serialize(), expires);
    }

    /** The public keys, as the JWKS endpoint serves them. */
    public String jwks() {
        List<com.nimbusds.jose.jwk.JWK> published = current().stream().map(BearerTokens::publicKey)
                .map(com.nimbusds.jose.jwk.JWK.class::cast).toList();
        return new JWKSet(published).toString(true);
    }

    public String issuer() {
        return issuer;
    }

    /** The newest key, made on first use. Two nodes racing here each make one; both stay valid. */
    private ECKey signingKey() {
        SigningKey newest = current().stream().findFirst().orElseGet(this::create);
        byte[] jwk = cipher.open(newest.sealedPrivateJwk(), associatedData(newest.keyId()));
        try {
            return ECKey.parse(new String(jwk, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IllegalStateException("Signing key " + newest.keyId() + " is unreadable", e);
        }
    }

    private List<SigningKey> current() {
        List<SigningKey> all = keys.all();
        return all.isEmpty() ? List.of(create()) : all;
    }

    private SigningKey create() {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyID(UUID.randomUUID().toString()).generate();
            SigningKey stored = new SigningKey(key.getKeyID(), key.toPublicJWK().toJSONString(),
                    cipher.seal(key.toJSONString().getBytes(StandardCharsets.UTF_8), associatedData(key.getKeyID())),
                    clock.instant());
            keys.create(stored);
            return stored;
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate a P-256 key", e);
        }
    }

    private static ECKey publicKey(SigningKey key) {
        try {
            return ECKey.parse(key.publicJwk());
        } catch (ParseException e) {
            throw new IllegalStateException("Public key " + key.keyId() + " is unreadable", e);
        }
    }

    private static byte[] associatedData(String keyId) {
        return ("bearer-signing-key:" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    /** A signed token and when it expires. */
    public record IssuedBearerToken(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedBearerToken[expires " + expiresAt + "]";
        }
    }
}
