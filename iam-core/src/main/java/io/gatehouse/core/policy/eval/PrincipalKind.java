package io.gatehouse.core.policy.eval;

/** What kind of caller a request comes from; it decides how {@code Principal} entries match it. */
public enum PrincipalKind {
    /** The account's root user: allowed everything in its own account. */
    ROOT,
    USER,
    /** A role session ({@code arn:aws:sts::<account>:assumed-role/<role>/<session>}). */
    ASSUMED_ROLE,
    /** A {@code GetFederationToken} session. */
    FEDERATED_USER,
    /** An AWS service acting itself, named like {@code ec2.amazonaws.com}. */
    SERVICE,
    /** An identity provider's user before a role is assumed (SAML, OIDC); named by the provider. */
    WEB_IDENTITY,
    ANONYMOUS
}
