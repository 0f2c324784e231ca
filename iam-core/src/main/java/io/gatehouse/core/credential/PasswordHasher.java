package io.gatehouse.core.credential;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Slow salted hashing of console passwords with PBKDF2-HMAC-SHA256 from the JDK, encoded as
 * {@code pbkdf2-sha256$<iterations>$<base64 salt>$<base64 hash>} so the parameters can change
 * later: {@link #needsRehash} says when a stored hash should be replaced at the next sign-in.
 */
public final class PasswordHasher {

    /** OWASP's recommendation for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet). */
    static final int DEFAULT_ITERATIONS = 600_000;
    static final String ALGORITHM = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    /** Stored hashes are ours, but a corrupted count must not tie a thread up for hours. */
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;

    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    /** Fewer iterations keep tests fast; production uses the default. */
    PasswordHasher(int iterations) {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be between 1 and " + MAX_ITERATIONS);
        }
        this.iterations = iterations;
    }

    public String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return ALGORITHM + "$" + iterations + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(pbkdf2(password, salt, iterations, HASH_BITS));
    }

    /**
     * Stored for a password that was never set (the root user of a created account): it parses as
     * no hash, so no password verifies against it, the way "!" locks an account in /etc/shadow.
     */
    public static final String NO_PASSWORD = "!";

    /** Whether {@code password} matches; a malformed {@code encoded} is simply no match. */
    public boolean verify(char[] password, String encoded) {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(encoded, "encoded");
        Encoded parsed = Encoded.parse(encoded);
        if (parsed == null) {
            return false;
        }
        byte[] actual = pbkdf2(password, parsed.salt, parsed.iterations, parsed.hash.length * 8);
        return MessageDigest.isEqual(actual, parsed.hash);
    }

    /** True when {@code encoded} was made with other parameters than this hasher's, or is unreadable. */
    public boolean needsRehash(String encoded) {
        Encoded parsed = Encoded.parse(Objects.requireNonNull(encoded, "encoded"));
        return parsed == null || parsed.iterations != iterations || parsed.hash.length * 8 != HASH_BITS
                || parsed.salt.length != SALT_BYTES;
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations, int bits) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** The parts of a stored hash; {@code parse} answers null for anything malformed. */
    private record Encoded(int iterations, byte[] salt, byte[] hash) {

        static Encoded parse(String encoded) {
            String[] parts = encoded.split("\\$", -1);
            if (parts.length != 4 || !parts[0].equals(ALGORITHM)) {
                return null;
            }
            try {
                int iterations = Integer.parseInt(parts[1]);
                byte[] salt = Base64.getDecoder().decode(parts[2]);
                byte[] hash = Base64.getDecoder().decode(parts[3]);
                if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length == 0 || hash.length == 0) {
                    return null;
                }
                return new Encoded(iterations, salt, hash);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
