package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.policy.eval.PolicySet;
import io.gatehouse.core.sts.SessionPrincipal;
import io.gatehouse.core.sts.SessionToken;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Each principal's compiled and indexed policy set, as read in the last few seconds
 * ({@link RecentReads}): authorization then costs no database read and no indexing per request.
 * A principal's policies live in its own account (and in AWS-managed policies, which never
 * change), so a change committed to that account makes its entries old at once on this node.
 */
public final class RecentlyReadPolicies implements PrincipalPolicies {

    private static final int CAPACITY = 50_000;

    /** A principal's own policies: {@code kind} tells users, groups and roles apart. */
    private record Principal(char kind, String id) {
    }

    /** A session's: its principal's policies narrowed by the session policies it carries. */
    private record Session(String standsFor, Optional<String> policy, List<String> policyArns) {
    }

    private final PrincipalPolicies store;
    private final RecentReads<Object, PolicySet> sets;

    public RecentlyReadPolicies(PrincipalPolicies store, AccountChanges changes, Clock clock) {
        this.store = store;
        this.sets = new RecentReads<>(changes, clock, RecentReads.STALENESS, CAPACITY);
    }

    @Override
    public PolicySet forUser(User user) {
        return sets.get(new Principal('u', user.userId()), user.account(), () -> store.forUser(user));
    }

    @Override
    public PolicySet forGroup(Group group) {
        return sets.get(new Principal('g', group.groupId()), group.account(), () -> store.forGroup(group));
    }

    @Override
    public PolicySet forRole(Role role) {
        return sets.get(new Principal('r', role.roleId()), role.account(), () -> store.forRole(role));
    }

    @Override
    public PolicySet forSession(SessionToken session) {
        SessionPrincipal principal = session.principal();
        AccountId account = principal.account();
        Session key = new Session(standsFor(principal), session.sessionPolicy(), session.sessionPolicyArns());
        return sets.get(key, account, () -> store.forSession(session));
    }

    /** Whose policies a session has: every session of a role (whatever its name) shares them. */
    private static String standsFor(SessionPrincipal principal) {
        if (principal instanceof SessionPrincipal.AssumedRole role) {
            return "role:" + role.roleId() + ':' + role.roleName();
        }
        if (principal instanceof SessionPrincipal.UserSession user) {
            return "user:" + user.userId();
        }
        if (principal instanceof SessionPrincipal.FederatedUser federated) {
            return "federated:" + federated.issuerUserId();
        }
        return "root:" + principal.account().value();
    }
}
