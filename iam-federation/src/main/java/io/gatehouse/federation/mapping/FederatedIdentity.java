package io.gatehouse.federation.mapping;

import io.gatehouse.core.arn.Arn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who an identity provider says signed in, in the one shape the mapping rules read: SAML
 * attributes, OIDC claims and LDAP attributes all become claims (name to values, names compared
 * exactly as the provider spells them), and directory or Keycloak groups, or a {@code groups}
 * claim, become {@link #groups()}.
 *
 * @param providerArn the IAM SAML or OIDC provider the identity came through
 * @param subject     the provider's name for the user (SAML NameID, OIDC {@code sub}, LDAP DN)
 */
public record FederatedIdentity(Arn providerArn, String subject, Map<String, List<String>> claims,
                                List<String> groups) {

    public FederatedIdentity {
        Objects.requireNonNull(providerArn, "providerArn");
        Objects.requireNonNull(subject, "subject");
        if (subject.isEmpty()) {
            throw new IllegalArgumentException("A federated identity needs a subject");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        claims.forEach((name, values) -> copy.put(Objects.requireNonNull(name, "claim name"), List.copyOf(values)));
        claims = Collections.unmodifiableMap(copy);
        groups = List.copyOf(groups);
    }

    /** The claim's values in the provider's order; empty when the provider did not send it. */
    public List<String> values(String claim) {
        return claims.getOrDefault(claim, List.of());
    }

    /** The first value, which is what a session tag takes from a multi-valued claim. */
    public Optional<String> firstValue(String claim) {
        List<String> values = values(claim);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
