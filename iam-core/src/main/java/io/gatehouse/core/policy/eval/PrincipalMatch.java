package io.gatehouse.core.policy.eval;

/**
 * How specifically a resource-based policy's {@code Principal} names the caller, weakest first.
 * Within one account the strength matters: naming the user or the role session itself grants access
 * on its own, while naming the role, everyone, or the account leaves the caller's other limits in play.
 */
enum PrincipalMatch {
    NONE,
    /** The account (id or {@code :root} ARN): delegates to the account's identity-based policies. */
    ACCOUNT,
    /** {@code "*"}, or a {@code NotPrincipal} that does not list the caller. */
    EVERYONE,
    /** The role behind an assumed-role session. */
    ROLE,
    /** The caller's own ARN (user, role session, federated user) or service name. */
    EXACT;

    PrincipalMatch strongest(PrincipalMatch other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
