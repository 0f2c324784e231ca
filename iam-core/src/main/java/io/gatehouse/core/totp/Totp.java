package io.gatehouse.core.totp;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Objects;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238) as authenticator apps and AWS virtual MFA devices use
 * them: HMAC-SHA-1, six digits, 30-second steps from the Unix epoch. Codes are accepted one step
 * either side of now, to absorb clock skew and the time a person takes to type.
 */
public final class Totp {

    public static final int STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    /** How many steps before and after the current one a code may come from. */
    public static final int WINDOW = 1;
    /**
     * ResyncMFADevice exists for devices whose clock drifted, so it looks further (five minutes
     * either side; RFC 6238 section 6 suggests a larger window for resynchronization).
     */
    public static final int RESYNC_WINDOW = 10;
    static final String HMAC_SHA1 = "HmacSHA1";

    private final Clock clock;

    public Totp(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The time step now: whole 30-second periods since the epoch. */
    public long currentStep() {
        return Math.floorDiv(clock.millis(), STEP_SECONDS * 1000L);
    }

    /** The six-digit code of {@code step}. */
    public static String code(byte[] secret, long step) {
        return code(secret, step, DIGITS, HMAC_SHA1);
    }

    /** RFC 4226's HOTP of {@code counter} with dynamic truncation; RFC 6238 also allows SHA-256 and SHA-512. */
    static String code(byte[] secret, long counter, int digits, String hmacAlgorithm) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(hmacAlgorithm);
            mac.init(new SecretKeySpec(secret, hmacAlgorithm));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmacAlgorithm + " is not available", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        int otp = (int) (binary % (long) Math.pow(10, digits));
        return String.format("%0" + digits + "d", otp);
    }

    /**
     * The step of the window in which {@code code} is valid and which comes after {@code lastUsedStep};
     * empty when none matches. Refusing steps up to the last used one makes every code single-use.
     */
    public OptionalLong verify(byte[] secret, String code, long lastUsedStep) {
        long now = currentStep();
        for (long step = now - WINDOW; step <= now + WINDOW; step++) {
            if (step > lastUsedStep && matches(secret, step, code)) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * The step of {@code second} when the two codes belong to consecutive steps inside the window,
     * both after {@code lastUsedStep} (AWS asks for two consecutive codes to enable or resynchronize a device).
     */
    public OptionalLong verifyConsecutive(byte[] secret, String first, String second, long lastUsedStep) {
        return verifyConsecutive(secret, first, second, lastUsedStep, WINDOW);
    }

    /** As {@link #verifyConsecutive(byte[], String, String, long)}, both codes within {@code window} steps of now. */
    public OptionalLong verifyConsecutive(byte[] secret, String first, String second, long lastUsedStep, int window) {
        long now = currentStep();
        for (long step = now - window; step < now + window; step++) {
            if (step > lastUsedStep && matches(secret, step, first) && matches(secret, step + 1, second)) {
                return OptionalLong.of(step + 1);
            }
        }
        return OptionalLong.empty();
    }

    /** Constant-time comparison, so the time taken reveals nothing about how much of a code was right. */
    private static boolean matches(byte[] secret, long step, String code) {
        return MessageDigest.isEqual(code(secret, step).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                code.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
