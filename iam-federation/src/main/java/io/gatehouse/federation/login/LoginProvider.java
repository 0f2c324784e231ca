package io.gatehouse.federation.login;

import java.util.List;

/**
 * An identity provider a person signs in at with the authorization code flow: an OpenID Connect
 * provider, whose ID token says who signed in, or a plain OAuth 2.0 provider (GitHub-style), whose
 * user API does.
 */
public sealed interface LoginProvider permits OidcLoginProvider, OAuth2LoginProvider {

    /** The name Gatehouse knows the provider by; a pending sign-in is bound to it. */
    String name();

    String clientId();

    List<String> scopes();
}
