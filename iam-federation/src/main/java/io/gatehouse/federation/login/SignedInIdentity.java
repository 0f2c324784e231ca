package io.gatehouse.federation.login;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who signed in, as the provider vouched for it: through a verified ID token (OpenID Connect) or
 * the provider's user API called with a fresh access token (OAuth 2.0).
 *
 * @param issuer        the provider's issuer identifier; with {@code subject} it names the person for good
 * @param emailVerified whether the provider says it verified {@code email}; false when there is none
 * @param username      the provider's changeable login name ({@code preferred_username}, GitHub's {@code login})
 * @param claims        every claim or user API member as strings, nested members by dotted path
 *                      ({@code realm_access.roles}), for the role mapping rules
 */
public record SignedInIdentity(String providerName, String issuer, String subject, Optional<String> email,
                               boolean emailVerified, Optional<String> name, Optional<String> username,
                               Map<String, List<String>> claims) {

    public SignedInIdentity {
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(issuer, "issuer");
        if (subject == null || subject.isEmpty()) {
            throw new IllegalArgumentException("a signed-in identity needs a subject");
        }
        Objects.requireNonNull(email, "email");
        if (emailVerified && email.isEmpty()) {
            throw new IllegalArgumentException("no email to be verified");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(username, "username");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        claims.forEach((claim, values) -> copy.put(Objects.requireNonNull(claim, "claim"), List.copyOf(values)));
        claims = Collections.unmodifiableMap(copy);
    }

    /** The claim's values; empty when the provider did not send it. */
    public List<String> claim(String claim) {
        return claims.getOrDefault(claim, List.of());
    }
}
