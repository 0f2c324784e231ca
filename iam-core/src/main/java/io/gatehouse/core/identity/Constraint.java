package io.gatehouse.core.identity;

import io.gatehouse.core.error.IamException;

import java.util.regex.Pattern;

/**
 * A request parameter's documented constraint (length and pattern, from AWS's IAM API model),
 * checked with AWS's {@code ValidationError} wording so SDK users see familiar messages.
 */
public record Constraint(int minLength, int maxLength, Pattern pattern, String patternText) {

    public static final Constraint USER_NAME = of(1, 64, "[\\w+=,.@-]+");
    /** Names of existing users may be longer than new ones (AWS's existingUserNameType). */
    public static final Constraint EXISTING_USER_NAME = of(1, 128, "[\\w+=,.@-]+");
    public static final Constraint GROUP_NAME = of(1, 128, "[\\w+=,.@-]+");
    public static final Constraint ROLE_NAME = of(1, 64, "[\\w+=,.@-]+");
    public static final Constraint POLICY_NAME = of(1, 128, "[\\w+=,.@-]+");
    /** A path begins and ends with a slash; between them any printable ASCII. */
    public static final Constraint PATH = of(1, 512, "(\\u002F)|(\\u002F[\\u0021-\\u007F]+\\u002F)");
    public static final Constraint PATH_PREFIX = of(1, 512, "\\u002F[\\u0021-\\u007F]*");
    public static final Constraint TAG_KEY = of(1, 128, "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+");
    public static final Constraint TAG_VALUE = of(0, 256, "[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    public static final Constraint MARKER = of(1, 320, "[\\u0020-\\u00FF]+");
    public static final Constraint ACCESS_KEY_ID = of(16, 128, "[\\w]+");
    /** Console passwords: tab, line breaks and Latin-1 printable characters. */
    public static final Constraint PASSWORD = of(1, 128, "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    /** The model gives no maximum; a serial number (its ARN) is at most 256 characters in all. */
    public static final Constraint VIRTUAL_MFA_DEVICE_NAME = of(1, 226, "[\\w+=,.@-]+");
    public static final Constraint SERIAL_NUMBER = of(9, 256, "[\\w+=/:,.@-]+");
    public static final Constraint AUTHENTICATION_CODE = of(6, 6, "[\\d]+");
    public static final Constraint CERTIFICATE_ID = of(24, 128, "[\\w]+");
    public static final Constraint CERTIFICATE_BODY = of(1, 16384, "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    public static final Constraint INSTANCE_PROFILE_NAME = of(1, 128, "[\\w+=,.@-]+");
    public static final Constraint ROLE_DESCRIPTION = of(0, 1000, "[\\p{L}\\p{M}\\p{Z}\\p{S}\\p{N}\\p{P}]*");
    public static final Constraint POLICY_DOCUMENT = of(1, 131072, "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    public static final Constraint ARN = of(20, 2048, "[\\s\\S]*");
    // Identity providers.
    public static final Constraint SAML_PROVIDER_NAME = of(1, 128, "[\\w._-]+");
    public static final Constraint SAML_METADATA_DOCUMENT = of(1000, 10_000_000, "[\\s\\S]*");
    public static final Constraint OIDC_PROVIDER_URL = of(1, 255, "[\\s\\S]*");
    public static final Constraint CLIENT_ID = of(1, 255, "[\\s\\S]*");
    /** The model fixes only the length; that the 40 characters are hex is the service's check. */
    public static final Constraint THUMBPRINT = of(40, 40, "[\\s\\S]*");
    // STS (sts service-2.json).
    public static final Constraint ROLE_SESSION_NAME = of(2, 64, "[\\w+=,.@-]*");
    public static final Constraint FEDERATED_USER_NAME = of(2, 32, "[\\w+=,.@-]*");
    public static final Constraint EXTERNAL_ID = of(2, 1224, "[\\w+=,.@:\\/-]*");
    public static final Constraint SOURCE_IDENTITY = of(2, 64, "[\\w+=,.@-]*");
    public static final Constraint SESSION_POLICY = of(1, 2048, "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    public static final Constraint TOKEN_CODE = of(6, 6, "[\\d]*");
    /** Lower-case letters, digits and single hyphens, neither first nor last. */
    public static final Constraint ACCOUNT_ALIAS = of(3, 63, "^[a-z0-9](([a-z0-9]|-(?!-))*[a-z0-9])?$");

    private static Constraint of(int min, int max, String regex) {
        return new Constraint(min, max, Pattern.compile(regex), regex);
    }

    /** Returns the value when it satisfies the constraint, else throws {@code ValidationError} naming the parameter. */
    public String check(String parameter, String value) {
        if (value.length() < minLength) {
            throw violation(parameter, value, "Member must have length greater than or equal to " + minLength);
        }
        if (value.length() > maxLength) {
            throw violation(parameter, value, "Member must have length less than or equal to " + maxLength);
        }
        if (!pattern.matcher(value).matches()) {
            throw violation(parameter, value, "Member must satisfy regular expression pattern: " + patternText);
        }
        return value;
    }

    /** As {@link #check}, for a secret: the message names the parameter but never repeats the value. */
    public String checkSecret(String parameter, String value) {
        try {
            return check(parameter, value);
        } catch (IamException e) {
            throw IamException.validation(e.getMessage().replace("Value '" + value + "' at", "Value at"));
        }
    }

    private static IamException violation(String parameter, String value, String rule) {
        return IamException.validation("1 validation error detected: Value '" + value + "' at '"
                + lowerFirst(parameter) + "' failed to satisfy constraint: " + rule);
    }

    /** AWS names the member in camel case: {@code UserName} becomes {@code userName}. */
    private static String lowerFirst(String parameter) {
        return parameter.isEmpty() ? parameter : Character.toLowerCase(parameter.charAt(0)) + parameter.substring(1);
    }

    /** MaxItems: 1 to 1000 in every IAM list call. */
    public static int maxItems(String parameter, int value) {
        return range(parameter, value, 1, 1000);
    }

    /** An integer parameter with documented bounds, e.g. a role's MaxSessionDuration. */
    public static int range(String parameter, int value, int min, int max) {
        if (value < min || value > max) {
            throw IamException.validation("1 validation error detected: Value '" + value + "' at '"
                    + lowerFirst(parameter) + "' failed to satisfy constraint: Member must have value "
                    + (value < min ? "greater than or equal to " + min : "less than or equal to " + max));
        }
        return value;
    }
}
