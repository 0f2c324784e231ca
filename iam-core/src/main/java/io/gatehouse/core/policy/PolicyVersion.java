package io.gatehouse.core.policy;

import java.util.Optional;

/** The policy language version; only {@code 2012-10-17} understands policy variables. */
public enum PolicyVersion {
    V2012_10_17("2012-10-17", true),
    /** Also what a document without {@code Version} means. */
    V2008_10_17("2008-10-17", false);

    private final String jsonName;
    private final boolean supportsVariables;

    PolicyVersion(String jsonName, boolean supportsVariables) {
        this.jsonName = jsonName;
        this.supportsVariables = supportsVariables;
    }

    public String jsonName() {
        return jsonName;
    }

    public boolean supportsVariables() {
        return supportsVariables;
    }

    public static Optional<PolicyVersion> fromJson(String text) {
        for (PolicyVersion v : values()) {
            if (v.jsonName.equals(text)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
