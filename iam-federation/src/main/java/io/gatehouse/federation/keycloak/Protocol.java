package io.gatehouse.federation.keycloak;

/** The protocols by which Gatehouse can trust a Keycloak realm: one client in the realm for each. */
public enum Protocol {
    /** A SAML 2.0 client: browser sign-in and AssumeRoleWithSAML. */
    SAML,
    /** An OpenID Connect client: AssumeRoleWithWebIdentity with the realm's ID tokens. */
    OIDC
}
