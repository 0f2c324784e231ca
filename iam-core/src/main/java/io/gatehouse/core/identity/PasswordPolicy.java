package io.gatehouse.core.identity;

import io.gatehouse.core.error.IamException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An account's custom password policy (UpdateAccountPasswordPolicy), with AWS's ranges: a minimum
 * length of 6 to 128, a maximum age of 1 to 1095 days, reuse prevention of 1 to 24 passwords.
 * {@link #violations} states, for a candidate password, every composition rule it breaks.
 */
public record PasswordPolicy(int minimumPasswordLength, boolean requireSymbols, boolean requireNumbers,
                             boolean requireUppercaseCharacters, boolean requireLowercaseCharacters,
                             boolean allowUsersToChangePassword, Optional<Integer> maxPasswordAge,
                             Optional<Integer> passwordReusePrevention, Optional<Boolean> hardExpiry) {

    /** What UpdateAccountPasswordPolicy uses for a minimum length it is not given (per AWS's API reference). */
    public static final int DEFAULT_MINIMUM_LENGTH = 6;
    /** The characters IAM counts as symbols. */
    public static final String SYMBOLS = "!@#$%^&*()_+-=[]{}|'";

    public PasswordPolicy {
        Objects.requireNonNull(maxPasswordAge, "maxPasswordAge");
        Objects.requireNonNull(passwordReusePrevention, "passwordReusePrevention");
        Objects.requireNonNull(hardExpiry, "hardExpiry");
        range("MinimumPasswordLength", minimumPasswordLength, 6, 128);
        maxPasswordAge.ifPresent(days -> range("MaxPasswordAge", days, 1, 1095));
        passwordReusePrevention.ifPresent(count -> range("PasswordReusePrevention", count, 1, 24));
    }

    /** AWS reports ExpirePasswords as true exactly when a maximum age is set. */
    public boolean expirePasswords() {
        return maxPasswordAge.isPresent();
    }

    /** One message per rule the password breaks, in the policy's order; empty when it complies. */
    public List<String> violations(String password) {
        List<String> broken = new ArrayList<>();
        if (password.length() < minimumPasswordLength) {
            broken.add("Password should have a minimum length of " + minimumPasswordLength);
        }
        if (requireLowercaseCharacters && password.chars().noneMatch(c -> c >= 'a' && c <= 'z')) {
            broken.add("Password should have at least one lowercase letter");
        }
        if (requireUppercaseCharacters && password.chars().noneMatch(c -> c >= 'A' && c <= 'Z')) {
            broken.add("Password should have at least one uppercase letter");
        }
        if (requireNumbers && password.chars().noneMatch(c -> c >= '0' && c <= '9')) {
            broken.add("Password should have at least one number");
        }
        if (requireSymbols && password.chars().noneMatch(c -> SYMBOLS.indexOf(c) >= 0)) {
            broken.add("Password should have at least one symbol");
        }
        return broken;
    }

    private static void range(String parameter, int value, int min, int max) {
        if (value < min || value > max) {
            String member = Character.toLowerCase(parameter.charAt(0)) + parameter.substring(1);
            throw IamException.validation("1 validation error detected: Value '" + value + "' at '" + member
                    + "' failed to satisfy constraint: Member must have value "
                    + (value < min ? "greater than or equal to " + min : "less than or equal to " + max));
        }
    }
}
