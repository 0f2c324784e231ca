package io.gatehouse.federation.ldap;

/** How a directory tells which groups a user belongs to, nested groups included. */
public enum GroupResolution {

    /**
     * Active Directory and directories with a memberOf overlay: read the user's {@code memberOf},
     * then each group's {@code memberOf}, breadth-first.
     */
    MEMBER_OF_NESTED,

    /**
     * Active Directory only: one search with the LDAP_MATCHING_RULE_IN_CHAIN
     * (1.2.840.113556.1.4.1941) on {@code member}, which lets the domain controller walk the nesting.
     */
    MEMBER_OF_IN_CHAIN,

    /**
     * Directories that record membership only on the group ({@code groupOfNames}/{@code member},
     * {@code groupOfUniqueNames}/{@code uniqueMember}): search the groups naming the user, then the
     * groups naming those groups, breadth-first.
     */
    MEMBER_ATTRIBUTE
}
