package io.gatehouse.core.policy.eval;

/**
 * Why a decision came out as it did, in the terms AWS uses in {@code AccessDenied} messages
 * ("no identity-based policy allows ...", "no permissions boundary allows ...").
 */
public enum Basis {
    /** The account's root user acting in its own account. */
    ROOT_USER("the account's root user has full access to its own account"),
    IDENTITY_POLICY("an identity-based policy allows it"),
    RESOURCE_POLICY("a resource-based policy allows it"),
    /** Across accounts: the caller's side and the resource's policy both allow it. */
    IDENTITY_AND_RESOURCE_POLICY("both an identity-based policy and the resource-based policy allow it"),
    EXPLICIT_DENY("a statement explicitly denies it"),
    NO_IDENTITY_OR_RESOURCE_POLICY_ALLOWS("no identity-based or resource-based policy allows it"),
    NO_IDENTITY_POLICY_ALLOWS("no identity-based policy allows it"),
    NO_RESOURCE_POLICY_ALLOWS("no resource-based policy allows it"),
    NO_PERMISSIONS_BOUNDARY_ALLOWS("no permissions boundary allows it"),
    NO_SESSION_POLICY_ALLOWS("no session policy allows it");

    private final String description;

    Basis(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
