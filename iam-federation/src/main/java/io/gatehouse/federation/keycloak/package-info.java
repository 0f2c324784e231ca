/**
 * "Connect a Keycloak realm" in one step: {@link io.gatehouse.federation.keycloak.KeycloakRealmConnector}
 * registers Gatehouse in the realm through Keycloak's admin API as a SAML client (AWS's Role and
 * RoleSessionName attributes from the user's roles named {@code <role-arn>,<provider-arn>}) and an
 * OIDC client (code flow with PKCE, a {@code groups} claim), and returns a
 * {@link io.gatehouse.federation.keycloak.ConnectedRealm}: the realm's IdP metadata, signing
 * certificates and issuer, from which Gatehouse's SAML and OIDC providers are made.
 *
 * <p>Roles reach the Role attribute only when they are in the SAML client's scope; connecting
 * puts every realm role named as an AWS role pair there, so a pair role added later needs the
 * realm connected again (which is safe: connecting updates in place). Client roles of the SAML
 * client itself are always in its scope.
 */
package io.gatehouse.federation.keycloak;
