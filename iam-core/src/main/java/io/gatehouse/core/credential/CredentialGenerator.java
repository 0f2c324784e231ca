package io.gatehouse.core.credential;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Random credentials and ids in AWS's formats, from {@link SecureRandom}. */
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

    private final SecureRandom random = new SecureRandom();

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
        random.nextBytes(seed);
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
        Collections.shuffle(characters, random);
        StringBuilder password = new StringBuilder(length);
        characters.forEach(password::append);
        return password.toString();
    }

    private String randomString(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(pick(alphabet));
        }
        return text.toString();
    }

    private char pick(String alphabet) {
        return alphabet.charAt(random.nextInt(alphabet.length()));
    }
}
