/**
 * The SSO gateway's browser doors under {@code /signin}: each protocol's resource proves who signed
 * in and hands a {@link io.gatehouse.federation.gateway.ProvenSignIn} to {@link
 * io.gatehouse.web.signin.SignInDoor}, which runs the gateway and answers with a console session
 * (a MicroProfile JWT bearer token for the role session, as an HTTP-only cookie and, for JSON
 * clients, in the body) or with the role chooser. Outside {@code /api/v1}, so mpJwt does not guard it.
 */
package io.gatehouse.web.signin;
