package io.gatehouse.core.totp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TotpTest {

    /** RFC 6238 appendix B's SHA-1 key: the ASCII string "12345678901234567890". */
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.ofEpochSecond(1_111_111_109L);
    private final Totp totp = new Totp(Clock.fixed(NOW, ZoneOffset.UTC));
    private final long now = NOW.getEpochSecond() / 30;

    @ParameterizedTest(name = "T = {0} s gives {1}")
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130",
    })
    void matchesTheRfc6238Sha1TestVectors(long unixSeconds, String expected) {
        assertEquals(expected, Totp.code(RFC_KEY, unixSeconds / 30, 8, Totp.HMAC_SHA1));
    }

    @Test
    void sixDigitCodesAreTheLastSixOfTheEightDigitOnes() {
        assertEquals("081804", Totp.code(RFC_KEY, 1_111_111_109L / 30));
    }

    @Test
    void theCurrentStepCountsThirtySecondPeriodsSinceTheEpoch() {
        assertEquals(37_037_036L, totp.currentStep());
    }

    @Test
    void acceptsACodeOfTheCurrentStepAndOfEachNeighbour() {
        for (long step = now - 1; step <= now + 1; step++) {
            assertEquals(OptionalLong.of(step), totp.verify(RFC_KEY, Totp.code(RFC_KEY, step), Long.MIN_VALUE));
        }
    }

    @Test
    void refusesACodeTwoStepsAway() {
        assertEquals(OptionalLong.empty(), totp.verify(RFC_KEY, Totp.code(RFC_KEY, now - 2), Long.MIN_VALUE));
        assertEquals(OptionalLong.empty(), totp.verify(RFC_KEY, Totp.code(RFC_KEY, now + 2), Long.MIN_VALUE));
    }

    @Test
    void refusesACodeWhoseStepWasAlreadyUsed() {
        String code = Totp.code(RFC_KEY, now);
        long used = totp.verify(RFC_KEY, code, Long.MIN_VALUE).orElseThrow();

        assertEquals(OptionalLong.empty(), totp.verify(RFC_KEY, code, used));
    }

    @Test
    void acceptsTwoConsecutiveCodesAndAnswersTheSecondsStep() {
        OptionalLong step = totp.verifyConsecutive(RFC_KEY, Totp.code(RFC_KEY, now), Totp.code(RFC_KEY, now + 1),
                Long.MIN_VALUE);

        assertEquals(OptionalLong.of(now + 1), step);
    }

    @Test
    void refusesCodesThatAreNotConsecutive() {
        assertEquals(OptionalLong.empty(), totp.verifyConsecutive(RFC_KEY, Totp.code(RFC_KEY, now - 1),
                Totp.code(RFC_KEY, now + 1), Long.MIN_VALUE));
        assertEquals(OptionalLong.empty(), totp.verifyConsecutive(RFC_KEY, Totp.code(RFC_KEY, now + 1),
                Totp.code(RFC_KEY, now), Long.MIN_VALUE));
    }

    @Test
    void refusesAReplayedPairOfConsecutiveCodes() {
        String first = Totp.code(RFC_KEY, now - 1);
        String second = Totp.code(RFC_KEY, now);
        long used = totp.verifyConsecutive(RFC_KEY, first, second, Long.MIN_VALUE).orElseThrow();

        assertEquals(OptionalLong.empty(), totp.verifyConsecutive(RFC_KEY, first, second, used));
    }

    @Test
    void refusesAWrongCode() {
        String right = Totp.code(RFC_KEY, now);
        String wrong = right.equals("000000") ? "000001" : "000000";

        assertEquals(OptionalLong.empty(), totp.verify(RFC_KEY, wrong, Long.MIN_VALUE));
    }

    @Test
    void aWiderWindowAcceptsADriftedPairForResynchronization() {
        String first = Totp.code(RFC_KEY, now + 5);
        String second = Totp.code(RFC_KEY, now + 6);

        assertEquals(OptionalLong.empty(), totp.verifyConsecutive(RFC_KEY, first, second, Long.MIN_VALUE));
        assertEquals(OptionalLong.of(now + 6),
                totp.verifyConsecutive(RFC_KEY, first, second, Long.MIN_VALUE, Totp.RESYNC_WINDOW));
    }
}
