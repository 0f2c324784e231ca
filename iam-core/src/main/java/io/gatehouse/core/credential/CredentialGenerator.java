package io.gatehouse.core.credential;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Random credentials and ids in AWS's formats, from {@link SecureRandom}. Every AssumeRole draws a
 * key id and a secret, so each thread draws from a DRBG of its own (seeded from the system's
 * entropy) rather than from the JDK's default generator, which serializes every caller on one lock.
 */
public final class CredentialGenerator {

    /** AWS's key and unique ids use the upper-case base32 alphabet. */
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789";
    /** The non-alphanumeric characters IAM's password policy counts as symbols. */
    private static final String SYMBOLS = "!@#$%^&*()_+-=[]{}|'";
    private static final List<String> PASSWORD_CLASSES = List.of(UPPER, LOWER, DIGITS, SYMBOLS);

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(CredentialGenerator::drbg);

    /** A long-term access key id: "AKIA" and 16 base32 characters. */
    public String accessKeyId() {
        return "AKIA" + randomString(BASE32, 16);
    }

    /** A temporary (STS) access key id: "ASIA" and 16 base32 characters. */
    public String temporaryAccessKeyId() {
        return "ASIA" + randomString(BASE32, 16);
    }

    /** A secret access key: 40 characters of the base64 alphabet, as AWS issues. */
    public String secretAccessKey() {
        return randomString(BASE64, 40);
    }

    /** An entity's unique id, e.g. AIDA (user), AGPA (group), AROA (role), ANPA (policy), and 17 base32 characters. */
    public String uniqueId(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.matches("[A-Z]{4}")) {
            throw new IllegalArgumentException("unique id prefix must be 4 upper-case letters, got '" + prefix + "'");
        }
        return prefix + randomString(BASE32, 17);
    }

    /** A signing certificate's id: 32 base32 characters (AWS's ids are 24 to 128 word characters). */
    public String certificateId() {
        return randomString(BASE32, 32);
    }

    /** A TOTP seed: 160 random bits, the key length RFC 4226 recommends for HMAC-SHA-1. */
    public byte[] totpSeed() {
        byte[] seed = new byte[20];
        RANDOM.get().nextBytes(seed);
        return seed;
    }

    /** A password of {@code length} with at least one upper-case letter, lower-case letter, digit and symbol. */
    public String password(int length) {
        if (length < PASSWORD_CLASSES.size()) {
            throw new IllegalArgumentException("a password needs at least " + PASSWORD_CLASSES.size()
                    + " characters to hold every class, got " + length);
        }
        String all = String.join("", PASSWORD_CLASSES);
        List<Character> characters = new ArrayList<>(length);
        PASSWORD_CLASSES.forEach(characterClass -> characters.add(pick(characterClass)));
        while (characters.size() < length) {
            characters.add(pick(all));
        }
        Collections.shuffle(characters, RANDOM.get());
        StringBuilder password = new StringBuilder(length);
        characters.forEach(password::append);
        return password.toString();
    }

    /**
     * {@code length} characters of a 32- or 64-character alphabet from one draw of random bytes:
     * masking a byte to the alphabet's size is unbiased because 256 is a multiple of both.
     */
    private static String randomString(String alphabet, int length) {
        int mask = alphabet.length() - 1;
        if ((alphabet.length() & mask) != 0) {
            throw new IllegalArgumentException("alphabet size must be a power of two: " + alphabet.length());
        }
        byte[] bytes = new byte[length];
        RANDOM.get().nextBytes(bytes);
        char[] text = new char[length];
        for (int i = 0; i < length; i++) {
            text[i] = alphabet.charAt(bytes[i] & mask);
        }
        return new String(text);
    }

    private static char pick(String alphabet) {
        return alphabet.charAt(RANDOM.get().nextInt(alphabet.length()));
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("DRBG is part of every JDK since 9", e);
        }
    }
}
