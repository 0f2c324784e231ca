package io.gatehouse.core.sts;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.credential.MasterKey;
import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SessionTokenCodecTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private static final Instant ISSUED = Instant.parse("2026-11-23T10:15:30Z");
    private static final MasterKey KEY_1 = SecretCipher.generateKey("key-1");
    private static final MasterKey KEY_2 = SecretCipher.generateKey("key-2");

    @Test
    void aSealedRoleSessionOpensToTheSameSession() {
        SessionToken session = roleSession(Duration.ofHours(1));
        SessionTokenCodec codec = codec(new TokenKeys(KEY_1, List.of()), ISSUED.plusSeconds(60));

        SessionToken opened = codec.open(codec.seal(session));

        assertEquals(session, opened);
        assertEquals("arn:aws:sts::123456789012:assumed-role/deploy/ci-run-42", opened.principal().arn().toString());
        assertEquals("AROAEXAMPLEROLEID123:ci-run-42", opened.principal().principalId());
    }

    @Test
    void everyPrincipalKindSurvivesTheRoundTrip() {
        SessionTokenCodec codec = codec(new TokenKeys(KEY_1, List.of()), ISSUED);
        List<SessionPrincipal> principals = List.of(
                new SessionPrincipal.UserSession(ACCOUNT, "AIDAEXAMPLEUSERID123",
                        Arn.parse("arn:aws:iam::123456789012:user/ops/alice"), "alice"),
                new SessionPrincipal.RootSession(ACCOUNT),
                new SessionPrincipal.FederatedUser(ACCOUNT, "bob", "AIDAEXAMPLEUSERID123"));
        for (SessionPrincipal principal : principals) {
            SessionToken session = minimal(principal, ISSUED.plusSeconds(900));
            assertEquals(principal, codec.open(codec.seal(session)).principal());
        }
    }

    @Test
    void anExpiredTokenIsRefusedAsExpired() {
        SessionToken session = roleSession(Duration.ofMinutes(15));
        String sealed = codec(new TokenKeys(KEY_1, List.of()), ISSUED).seal(session);

        SessionTokenCodec later = codec(new TokenKeys(KEY_1, List.of()), session.expiration());

        IamException refused = assertThrows(IamException.class, () -> later.open(sealed));
        assertEquals(ErrorCode.EXPIRED_TOKEN, refused.code());
    }

    @Test
    void aTamperedTokenIsRefusedAsInvalid() {
        SessionTokenCodec codec = codec(new TokenKeys(KEY_1, List.of()), ISSUED);
        String sealed = codec.seal(roleSession(Duration.ofHours(1)));
        String[] parts = sealed.split("\\.");
        byte[] ciphertext = Base64.getUrlDecoder().decode(parts[3]);
        ciphertext[ciphertext.length / 2] ^= 1;
        parts[3] = Base64.getUrlEncoder().withoutPadding().encodeToString(ciphertext);
        String tampered = String.join(".", parts);

        assertInvalid(codec, tampered);
        assertInvalid(codec, sealed.substring(0, sealed.length() - 2));
        assertInvalid(codec, "not-a-token");
        assertInvalid(codec, "");
    }

    @Test
    void aHeaderThatPretendsToBeAnotherAlgorithmIsRefused() {
        SessionTokenCodec codec = codec(new TokenKeys(KEY_1, List.of()), ISSUED);
        String sealed = codec.seal(roleSession(Duration.ofHours(1)));
        String header = "{\"alg\":\"none\",\"enc\":\"A256GCM\",\"kid\":\"key-1\"}";
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8))
                + sealed.substring(sealed.indexOf('.'));

        assertInvalid(codec, forged);
    }

    @Test
    void afterRotationNewTokensUseTheNewKeyAndOldTokensStayValid() {
        SessionTokenCodec before = codec(new TokenKeys(KEY_1, List.of()), ISSUED);
        String old = before.seal(roleSession(Duration.ofHours(1)));

        SessionTokenCodec after = codec(new TokenKeys(KEY_2, List.of(KEY_1)), ISSUED);
        String fresh = after.seal(roleSession(Duration.ofHours(1)));

        assertEquals("ASIAEXAMPLEKEYID0001", after.open(old).accessKeyId());
        assertEquals("ASIAEXAMPLEKEYID0001", after.open(fresh).accessKeyId());
        // A node that never had the new key cannot read the new token, and once the old key is
        // retired its tokens are refused.
        assertInvalid(before, fresh);
        assertInvalid(codec(new TokenKeys(KEY_2, List.of()), ISSUED), old);
    }

    @Test
    void aTokenSealedUnderAnotherDeploymentsKeyIsRefused() {
        SessionTokenCodec ours = codec(new TokenKeys(KEY_1, List.of()), ISSUED);
        // Same key id, different key material.
        SessionTokenCodec theirs = codec(new TokenKeys(SecretCipher.generateKey("key-1"), List.of()), ISSUED);

        assertInvalid(ours, theirs.seal(roleSession(Duration.ofHours(1))));
    }

    @Test
    void theTokenDoesNotShowTheSecretOrThePolicyInClear() {
        SessionTokenCodec codec = codec(new TokenKeys(KEY_1, List.of()), ISSUED);
        SessionToken session = roleSession(Duration.ofHours(1));

        String sealed = codec.seal(session);

        String decodedParts = String.join("", java.util.Arrays.stream(sealed.split("\\."))
                .map(part -> new String(Base64.getUrlDecoder().decode(part), StandardCharsets.ISO_8859_1)).toList());
        assertFalse(decodedParts.contains(session.secretAccessKey()));
        assertFalse(decodedParts.contains("s3:GetObject"));
        assertFalse(decodedParts.contains("ci-run-42"));
        assertFalse(session.toString().contains(session.secretAccessKey()));
    }

    @Test
    void instantsAreKeptToTheSecond() {
        SessionToken session = minimal(new SessionPrincipal.RootSession(ACCOUNT), ISSUED.plusMillis(900_750));

        assertEquals(ISSUED.plusSeconds(900), session.expiration());
    }

    private static void assertInvalid(SessionTokenCodec codec, String token) {
        IamException refused = assertThrows(IamException.class, () -> codec.open(token));
        assertEquals(ErrorCode.INVALID_CLIENT_TOKEN_ID, refused.code());
    }

    private static SessionTokenCodec codec(TokenKeys keys, Instant now) {
        return new SessionTokenCodec(keys, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static SessionToken roleSession(Duration lifetime) {
        return new SessionToken("ASIAEXAMPLEKEYID0001", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                new SessionPrincipal.AssumedRole(ACCOUNT, "AROAEXAMPLEROLEID123",
                        Arn.parse("arn:aws:iam::123456789012:role/ci/deploy"), "deploy", "ci-run-42"),
                ISSUED, ISSUED.plus(lifetime), Optional.of(ISSUED.minusSeconds(30)),
                Optional.of("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"),
                List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"),
                List.of(new Tag("Project", "Unicorn"), new Tag("CostCenter", "12345")),
                Set.of("Project"), Optional.of("alice@example.com"), true);
    }

    private static SessionToken minimal(SessionPrincipal principal, Instant expiration) {
        return new SessionToken("ASIAEXAMPLEKEYID0002", "secret-secret-secret-secret-secret-secre", principal,
                ISSUED, expiration, Optional.empty(), Optional.empty(), List.of(), List.of(), Set.of(),
                Optional.empty(), false);
    }
}
