package io.gatehouse.core.credential;

import java.security.SecureRandom;

/** Random identifiers and secrets in AWS's formats. */
public final class CredentialGenerator {
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private final SecureRandom random = new SecureRandom();

    public String accessKeyId() {
        return "AKIA" + pick(BASE32, 16);
    }

    public String temporaryAccessKeyId() {
        return "ASIA" + pick(BASE32, 16);
    }

    public String secretAccessKey() {
        return pick(SECRET_CHARS, 40);
    }

    public String uniqueId(String prefix) {
        return prefix + pick(BASE32, 17);
    }

    public String password(int length) {
        String[] classes = {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "!@#$%^&*()_+-=[]{}|'"};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(pick(classes[i % classes.length], 1));
        }
        return out.toString();
    }

    private String pick(String alphabet, int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
