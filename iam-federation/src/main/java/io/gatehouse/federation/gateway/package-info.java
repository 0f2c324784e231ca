/**
 * The SSO gateway's one rule from a proven identity to a role session: a browser sign-in (SAML
 * assertion consumer, OpenID Connect or social login, directory password form) proves who the
 * person is as a {@link io.gatehouse.federation.gateway.ProvenSignIn};
 * {@link io.gatehouse.federation.gateway.SignInGateway} gathers the roles the provider offers and
 * the provider's role-mapping rules choose, and either assumes the one role (the trust policy still
 * decides) or answers a {@link io.gatehouse.federation.gateway.SignInOutcome.RoleChoice} whose
 * sealed token the role chooser posts back.
 */
package io.gatehouse.federation.gateway;
