/**
 * STS's federation actions: AssumeRoleWithSAML and AssumeRoleWithWebIdentity. Each verifies what
 * the identity provider vouches for (a signed SAML response, a signed token), turns it into the
 * condition keys AWS defines, and leaves the role session to
 * {@link io.gatehouse.core.service.FederatedSessions}.
 */
package io.gatehouse.federation.sts;
