package io.gatehouse.federation.login;

/**
 * How Gatehouse authenticates to a provider's token endpoint (OIDC Core §9,
 * {@code token_endpoint_auth_method}).
 */
public enum ClientAuthentication {
    /** Client id and secret in HTTP Basic, each form-encoded first (RFC 6749 §2.3.1). */
    CLIENT_SECRET_BASIC("client_secret_basic"),
    /** Client id and secret as form parameters of the token request. */
    CLIENT_SECRET_POST("client_secret_post"),
    /** A public client: only its id, the code bound to the sign-in by PKCE alone. */
    NONE("none");

    private final String wireName;

    ClientAuthentication(String wireName) {
        this.wireName = wireName;
    }

    /** The name discovery documents and client registrations use. */
    public String wireName() {
        return wireName;
    }
}
