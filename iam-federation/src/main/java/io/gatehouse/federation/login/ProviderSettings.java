package io.gatehouse.federation.login;

import java.util.List;
import java.util.regex.Pattern;

/** The checks both kinds of {@link LoginProvider} apply to what they are configured with. */
final class ProviderSettings {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /** RFC 6749 §3.3: a scope token is printable ASCII without space, {@code "} or {@code \}. */
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    private static final int MAX_CLIENT_ID_LENGTH = 255;

    private ProviderSettings() {
    }

    static String name(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a provider name has 1 to 128 letters, digits, '.', '_' or '-': " + name);
        }
        return name;
    }

    static String clientId(String clientId) {
        if (clientId == null || clientId.isBlank() || clientId.length() > MAX_CLIENT_ID_LENGTH) {
            throw new IllegalArgumentException("a client id has 1 to " + MAX_CLIENT_ID_LENGTH + " characters");
        }
        return clientId;
    }

    static String secret(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the client secret must not be empty");
        }
        return secret;
    }

    static List<String> scopes(List<String> scopes) {
        List<String> copy = List.copyOf(scopes);
        for (String scope : copy) {
            if (!SCOPE.matcher(scope).matches()) {
                throw new IllegalArgumentException("not a valid OAuth scope: " + scope);
            }
        }
        if (copy.stream().distinct().count() != copy.size()) {
            throw new IllegalArgumentException("scopes are listed twice: " + copy);
        }
        return copy;
    }
}
