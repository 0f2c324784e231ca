package io.gatehouse.core.identity;

/** The IAM identities that policies attach to; roles join users and groups with the same storage. */
public enum PrincipalType {
    USER,
    GROUP,
    ROLE
}
