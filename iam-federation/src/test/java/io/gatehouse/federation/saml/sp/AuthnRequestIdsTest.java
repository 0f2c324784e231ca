package io.gatehouse.federation.saml.sp;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.federation.saml.Solicitation;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthnRequestIdsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Arn CORP = Arn.parse("arn:aws:iam::123456789012:saml-provider/corp");
    private static final Arn OTHER = Arn.parse("arn:aws:iam::123456789012:saml-provider/other");
    private static final SecretCipher CIPHER = new SecretCipher(SecretCipher.generateKey("k1"), List.of());

    private final MovableClock clock = new MovableClock(NOW);
    private final AuthnRequestIds ids = new AuthnRequestIds(CIPHER, clock);

    @Test
    void anIssuedIdIsAnXmlIdAndIsAnsweredOnAnyNodeWithTheKey() {
        String id = ids.issue(CORP);

        Solicitation solicitation = new AuthnRequestIds(CIPHER, clock).answering(id, CORP);

        assertTrue(id.matches("_[A-Za-z0-9_.-]+"), id);
        assertEquals(Solicitation.answering(id), solicitation);
    }

    @Test
    void everyRequestGetsItsOwnId() {
        assertNotEquals(ids.issue(CORP), ids.issue(CORP));
    }

    @Test
    void refusesAnIdIssuedForAnotherProvider() {
        String id = ids.issue(OTHER);

        assertEquals(ErrorCode.INVALID_IDENTITY_TOKEN,
                assertThrows(IamException.class, () -> ids.answering(id, CORP)).code());
    }

    @Test
    void refusesAnIdNotIssuedHere() {
        IamException refused = assertThrows(IamException.class, () -> ids.answering("_other-request-42", CORP));

        assertEquals(ErrorCode.INVALID_IDENTITY_TOKEN, refused.code());
    }

    @Test
    void refusesATamperedId() {
        String id = ids.issue(CORP);
        // A character in the middle of the ciphertext carries six significant bits (the last one may not).
        int middle = id.indexOf('.') + (id.length() - id.indexOf('.')) / 2;
        String tampered = id.substring(0, middle) + (id.charAt(middle) == 'A' ? 'B' : 'A') + id.substring(middle + 1);

        assertThrows(IamException.class, () -> ids.answering(tampered, CORP));
    }

    @Test
    void refusesAnIdOnceItsLifetimeHasPassed() {
        String id = ids.issue(CORP);
        clock.advance(AuthnRequestIds.LIFETIME);

        IamException refused = assertThrows(IamException.class, () -> ids.answering(id, CORP));

        assertTrue(refused.getMessage().contains("expired"), refused.getMessage());
    }

    @Test
    void acceptsAnIdJustBeforeItExpires() {
        String id = ids.issue(CORP);
        clock.advance(AuthnRequestIds.LIFETIME.minusSeconds(1));

        assertEquals(Solicitation.answering(id), ids.answering(id, CORP));
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
