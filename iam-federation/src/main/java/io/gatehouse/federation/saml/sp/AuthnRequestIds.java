package io.gatehouse.federation.saml.sp;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.credential.SealedSecret;
import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.federation.saml.Solicitation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * The IDs of Gatehouse's authentication requests carry their own proof: an AES-GCM seal, under the
 * master key, of the request's expiry and a random nonce, bound to the SAML provider it was sent
 * to. A response's {@code InResponseTo} is then checked on any node with no shared state, no
 * table to fill from an unauthenticated page, and no cookie: the identity provider posts the
 * response from its own site, so a SameSite=Lax or Strict cookie set at the start would not come
 * back with it, and SameSite=None needs HTTPS. Binding the request to the browser would add
 * nothing, since an unsolicited (IdP-initiated) response is accepted anyway, as AWS does; what the
 * check adds is that a response claiming to answer a request answers a recent one of ours, for
 * this provider. Each assertion is still accepted once.
 */
public final class AuthnRequestIds {

    /** Long enough to sign in at the identity provider, MFA included. */
    public static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final String PURPOSE = "gatehouse:saml-authn-request:";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretCipher cipher;
    private final Clock clock;

    public AuthnRequestIds(SecretCipher cipher, Clock clock) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new request ID for {@code provider}: an xs:ID (it begins with an underscore) good for {@link #LIFETIME}. */
    public String issue(Arn provider) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        byte[] plain = ByteBuffer.allocate(Long.BYTES + nonce.length)
                .putLong(clock.instant().plus(LIFETIME).getEpochSecond()).put(nonce).array();
        SealedSecret sealed = cipher.seal(plain, associatedData(provider));
        return "_" + ENCODER.encodeToString(sealed.keyId().getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODER.encodeToString(sealed.ciphertext());
    }

    /**
     * The solicitation a response claiming to answer {@code inResponseTo} must satisfy; refused when
     * the ID is not one Gatehouse issued for {@code provider}, or has expired.
     */
    public Solicitation answering(String inResponseTo, Arn provider) {
        Instant expiresAt;
        try {
            int dot = inResponseTo.indexOf('.');
            if (!inResponseTo.startsWith("_") || dot < 2) {
                throw unknown();
            }
            String keyId = new String(Base64.getUrlDecoder().decode(inResponseTo.substring(1, dot)),
                    StandardCharsets.UTF_8);
            byte[] plain = cipher.open(new SealedSecret(keyId,
                    Base64.getUrlDecoder().decode(inResponseTo.substring(dot + 1))), associatedData(provider));
            expiresAt = Instant.ofEpochSecond(ByteBuffer.wrap(plain).getLong());
        } catch (IllegalArgumentException | IllegalStateException | SecurityException
                 | java.nio.BufferUnderflowException e) {
            throw unknown();
        }
        if (!clock.instant().isBefore(expiresAt)) {
            throw new IamException(ErrorCode.INVALID_IDENTITY_TOKEN,
                    "The authentication request this SAML response answers has expired; sign in again.");
        }
        return Solicitation.answering(inResponseTo);
    }

    private static byte[] associatedData(Arn provider) {
        return (PURPOSE + provider).getBytes(StandardCharsets.UTF_8);
    }

    private static IamException unknown() {
        return new IamException(ErrorCode.INVALID_IDENTITY_TOKEN,
                "The SAML response answers an authentication request that was not sent for this identity provider.");
    }
}
