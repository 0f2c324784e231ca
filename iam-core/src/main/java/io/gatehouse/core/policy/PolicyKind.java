package io.gatehouse.core.policy;

/**
 * Where a policy is used, which decides whether {@code Principal} and {@code Resource} must or must
 * not appear: identity-based policies, permission boundaries and session policies name no principal;
 * resource-based and trust policies must; a role's trust policy names no resource (the role is it).
 */
public enum PolicyKind {
    IDENTITY(Presence.PROHIBITED, Presence.REQUIRED, true),
    PERMISSION_BOUNDARY(Presence.PROHIBITED, Presence.REQUIRED, true),
    SESSION(Presence.PROHIBITED, Presence.REQUIRED, true),
    RESOURCE(Presence.REQUIRED, Presence.REQUIRED, false),
    TRUST(Presence.REQUIRED, Presence.PROHIBITED, true);

    /** Whether an element must or must not appear in every statement. */
    public enum Presence { REQUIRED, PROHIBITED }

    private final Presence principal;
    private final Presence resource;
    private final boolean iamSidRules;

    PolicyKind(Presence principal, Presence resource, boolean iamSidRules) {
        this.principal = principal;
        this.resource = resource;
        this.iamSidRules = iamSidRules;
    }

    public Presence principal() {
        return principal;
    }

    public Presence resource() {
        return resource;
    }

    /** IAM's own policies restrict a {@code Sid} to ASCII letters and digits; other services do not. */
    public boolean alphanumericSid() {
        return iamSidRules;
    }
}
