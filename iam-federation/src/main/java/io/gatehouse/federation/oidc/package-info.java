/**
 * OpenID Connect web identity tokens, as STS {@code AssumeRoleWithWebIdentity} accepts them: a
 * registered provider ({@link io.gatehouse.federation.oidc.OidcProviderTrust}) found by the token's
 * issuer ({@link io.gatehouse.federation.oidc.OidcProviders}), its signing keys found through OIDC
 * discovery and cached ({@link io.gatehouse.federation.oidc.CachingJwksSource}), and the token's
 * signature and claims checked ({@link io.gatehouse.federation.oidc.WebIdentityTokenVerifier})
 * into a {@link io.gatehouse.federation.oidc.VerifiedWebIdentity}.
 */
package io.gatehouse.federation.oidc;
