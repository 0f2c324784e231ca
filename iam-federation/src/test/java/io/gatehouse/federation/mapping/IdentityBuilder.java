package io.gatehouse.federation.mapping;

import io.gatehouse.core.arn.Arn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Federated identities for tests: {@code identity().claim("email", "alice@example.com").group("Admins").build()}. */
final class IdentityBuilder {

    static final Arn PROVIDER = Arn.parse("arn:aws:iam::123456789012:saml-provider/Corp");

    private final Map<String, List<String>> claims = new LinkedHashMap<>();
    private final List<String> groups = new ArrayList<>();
    private String subject = "alice";

    static IdentityBuilder identity() {
        return new IdentityBuilder();
    }

    IdentityBuilder subject(String subject) {
        this.subject = subject;
        return this;
    }

    IdentityBuilder claim(String name, String... values) {
        claims.put(name, List.of(values));
        return this;
    }

    IdentityBuilder group(String... names) {
        groups.addAll(List.of(names));
        return this;
    }

    FederatedIdentity build() {
        return new FederatedIdentity(PROVIDER, subject, claims, groups);
    }
}
