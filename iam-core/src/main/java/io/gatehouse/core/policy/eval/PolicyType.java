package io.gatehouse.core.policy.eval;

/** The role a policy plays in a decision. */
public enum PolicyType {
    /** Inline and attached managed policies of the user, its groups, or the role. */
    IDENTITY,
    /** The resource's own policy; a role's trust policy for {@code sts:AssumeRole*}. */
    RESOURCE,
    PERMISSION_BOUNDARY,
    SESSION
}
