package io.gatehouse.core.policy;

import java.util.Optional;

/** The keys of a {@code Principal} object, plus {@link #ANY} for the bare string {@code "*"}. */
public enum PrincipalType {
    ANY("*"),
    AWS("AWS"),
    SERVICE("Service"),
    FEDERATED("Federated"),
    CANONICAL_USER("CanonicalUser");

    private final String jsonName;

    PrincipalType(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<PrincipalType> fromJson(String key) {
        for (PrincipalType t : values()) {
            if (t != ANY && t.jsonName.equals(key)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
