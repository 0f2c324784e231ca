package io.gatehouse.core.arn;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.regex.Pattern;

/** An AWS account id: exactly twelve digits. */
public record AccountId(String value) {

    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

    public AccountId {
        Objects.requireNonNull(value, "value");
        if (!TWELVE_DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("An account id is twelve digits: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && TWELVE_DIGITS.matcher(value).matches();
    }

    /** A random account id; the first digit is never zero so the id survives numeric tools. */
    public static AccountId random(SecureRandom random) {
        StringBuilder digits = new StringBuilder(12);
        digits.append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < 12; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return new AccountId(digits.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
