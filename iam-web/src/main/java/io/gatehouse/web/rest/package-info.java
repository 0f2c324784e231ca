/**
 * The JSON REST API for the console and internal apps: the second door to the same services as the
 * AWS Query API. Callers present MicroProfile JWT bearer tokens that Gatehouse issues (sign-in with
 * a password or with a SigV4-signed request) and Liberty's mpJwt feature validates against the
 * published JWKS.
 */
package io.gatehouse.web.rest;
