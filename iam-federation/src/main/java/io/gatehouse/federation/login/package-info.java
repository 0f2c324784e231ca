/**
 * The browser sign-in at an external identity provider with the OAuth 2.0 authorization code
 * flow: OpenID Connect providers ({@link io.gatehouse.federation.login.OidcLoginProvider}: Google,
 * Microsoft Entra ID, LinkedIn, Keycloak or any other) and GitHub-style OAuth 2.0 providers
 * ({@link io.gatehouse.federation.login.OAuth2LoginProvider}).
 * {@link io.gatehouse.federation.login.AuthorizationCodeLogin} starts a sign-in and completes it
 * into a {@link io.gatehouse.federation.login.SignedInIdentity}, which the role mapping rules read.
 * ID tokens are verified by {@link io.gatehouse.federation.oidc.WebIdentityTokenVerifier}, the
 * endpoints found by {@link io.gatehouse.federation.oidc.OidcDiscovery}.
 */
package io.gatehouse.federation.login;
