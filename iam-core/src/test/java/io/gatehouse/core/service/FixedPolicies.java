package io.gatehouse.core.service;

import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.policy.eval.PolicySet;
import io.gatehouse.core.sts.SessionToken;

/** The same policies for every principal, for rules that do not depend on where policies come from. */
record FixedPolicies(PolicySet set) implements PrincipalPolicies {

    @Override
    public PolicySet forUser(User user) {
        return set;
    }

    @Override
    public PolicySet forGroup(Group group) {
        return set;
    }

    @Override
    public PolicySet forRole(Role role) {
        return set;
    }

    @Override
    public PolicySet forSession(SessionToken session) {
        return set;
    }
}
