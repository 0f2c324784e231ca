package io.gatehouse.core.service;

import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.policy.eval.PolicySet;
import io.gatehouse.core.sts.SessionToken;

/**
 * The policies that govern what a principal may do: its identity policies (inline and attached,
 * its own and its groups') and its permissions boundary, compiled and ready to evaluate.
 */
public interface PrincipalPolicies {

    PolicySet forUser(User user);

    /** A group's own policies, inline and attached (what its members get from it). */
    PolicySet forGroup(Group group);

    /** A role's own policies: inline and attached as identity policies, and its boundary. */
    PolicySet forRole(Role role);

    /**
     * A session's: those of the role, user or (for a federated user) issuing user it stands for,
     * narrowed by its session policies. A session whose role or user is gone has none.
     */
    PolicySet forSession(SessionToken session);
}
