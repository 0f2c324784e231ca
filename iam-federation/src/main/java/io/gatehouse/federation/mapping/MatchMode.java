package io.gatehouse.federation.mapping;

/** How many of a provider's rules choose roles for one identity. */
public enum MatchMode {
    /** The first rule, in document order, whose conditions hold chooses the one role. */
    FIRST_MATCH,
    /** Every rule whose conditions hold offers its role; the sign-in page lets the user choose. */
    ALL_MATCHES
}
