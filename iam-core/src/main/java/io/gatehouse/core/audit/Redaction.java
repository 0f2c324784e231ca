package io.gatehouse.core.audit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Removes secret values from request parameters before they are written anywhere. */
public final class Redaction {

    public static final String REDACTED = "***";

    // Any parameter whose name mentions one of these carries a secret in some IAM or STS call
    // (Password, NewPassword, OldPassword, SecretAccessKey, SAMLAssertion, WebIdentityToken, TokenCode, ...).
    private static final String[] SECRET_WORDS = {
        "password", "secret", "token", "seed", "samlassertion", "authenticationcode", "privatekey"
    };

    // Settings that merely mention passwords: worth keeping in the trail, and nothing secret.
    private static final Set<String> NOT_SECRET = Set.of(
        "PasswordResetRequired", "MinimumPasswordLength", "AllowUsersToChangePassword", "PasswordReusePrevention");

    private Redaction() {
    }

    public static Map<String, String> redact(Map<String, String> parameters) {
        Map<String, String> safe = new LinkedHashMap<>();
        parameters.forEach((name, value) -> safe.put(name, isSecret(name) ? REDACTED : value));
        return safe;
    }

    public static boolean isSecret(String parameterName) {
        if (NOT_SECRET.contains(parameterName)) {
            return false;
        }
        String lower = parameterName.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
