package io.gatehouse.core.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a password must satisfy while the account has no custom policy: AWS's default password
 * policy asks for at least 8 characters and at least three of the four character types
 * (upper case, lower case, digits, symbols).
 */
public final class DefaultPasswordRules {

    public static final int MINIMUM_LENGTH = 8;
    public static final int CHARACTER_TYPES = 3;

    private DefaultPasswordRules() {
    }

    public static List<String> violations(String password) {
        List<String> broken = new ArrayList<>();
        if (password.length() < MINIMUM_LENGTH) {
            broken.add("Password should have a minimum length of " + MINIMUM_LENGTH);
        }
        long types = Stream.of(
                password.chars().anyMatch(c -> c >= 'A' && c <= 'Z'),
                password.chars().anyMatch(c -> c >= 'a' && c <= 'z'),
                password.chars().anyMatch(c -> c >= '0' && c <= '9'),
                password.chars().anyMatch(c -> PasswordPolicy.SYMBOLS.indexOf(c) >= 0)).filter(b -> b).count();
        if (types < CHARACTER_TYPES) {
            broken.add("Password should have at least " + CHARACTER_TYPES
                    + " of these character types: uppercase letters, lowercase letters, numbers, symbols");
        }
        return broken;
    }
}
