package io.gatehouse.federation.keycloak;

/** How Gatehouse's OIDC client authenticates at the realm's token endpoint. */
public enum OidcClientType {
    /** With a client secret, which Keycloak generates and {@link ConnectedRealm} hands back. */
    CONFIDENTIAL,
    /** Without a secret; the code exchange is protected by PKCE (S256), which the client then requires. */
    PUBLIC
}
