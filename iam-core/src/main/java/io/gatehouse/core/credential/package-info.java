/**
 * Secret-handling primitives: recoverable secrets sealed under rotating master keys
 * ({@link io.gatehouse.core.credential.SecretCipher}), one-way password hashes
 * ({@link io.gatehouse.core.credential.PasswordHasher}) and random credentials in AWS's formats
 * ({@link io.gatehouse.core.credential.CredentialGenerator}).
 */
package io.gatehouse.core.credential;
