package io.gatehouse.core.policy.eval;

/** The three results AWS distinguishes. */
public enum Outcome {
    ALLOWED,
    /** A statement with {@code Effect: Deny} applied; nothing can override it. */
    EXPLICIT_DENY,
    /** Nothing denied, but the allows that the request needs are missing. */
    IMPLICIT_DENY
}
