package io.gatehouse.core.identity;

import java.util.Objects;

/** A managed policy attached to an identity, as permissions or as its permissions boundary. */
public record PolicyAttachment(String policyArn, PrincipalType principalType, String principalId, Kind kind) {

    public enum Kind {
        PERMISSIONS,
        PERMISSIONS_BOUNDARY
    }

    public PolicyAttachment {
        Objects.requireNonNull(policyArn, "policyArn");
        Objects.requireNonNull(principalType, "principalType");
        Objects.requireNonNull(principalId, "principalId");
        Objects.requireNonNull(kind, "kind");
    }
}
