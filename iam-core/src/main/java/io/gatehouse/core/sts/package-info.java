/**
 * AWS STS's temporary credentials, kept stateless: a session token is an encrypted, authenticated
 * token (JWE) carrying everything needed to authenticate and authorize the session, so any node
 * holding the token key accepts it and no node stores sessions.
 */
package io.gatehouse.core.sts;
