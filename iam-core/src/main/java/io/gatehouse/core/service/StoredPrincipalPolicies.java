package io.gatehouse.core.service;

import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.policy.eval.PolicySet;
import io.gatehouse.core.policy.eval.PolicyType;
import io.gatehouse.core.port.GroupRepository;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.UserRepository;

/**
 * A user's policies as stored: its own inline policies and those of each of its groups, compiled through the
 * cache. Policies are read on every request (so a change is seen at once, on every node); only the
 * parsing is cached.
 */
public final class StoredPrincipalPolicies implements PrincipalPolicies {

    private final UserRepository users;
    private final GroupRepository groups;
    private final CompiledPolicyCache cache;

    public StoredPrincipalPolicies(UserRepository users, GroupRepository groups, CompiledPolicyCache cache) {
        this.users = users;
        this.groups = groups;
        this.cache = cache;
    }

    @Override
    public PolicySet forUser(User user) {
        PolicySet.Builder set = PolicySet.builder();
        for (String name : users.inlinePolicyNames(user)) {
            users.inlinePolicy(user, name).ifPresent(document ->
                    set.identityPolicy(cache.compiled(user.arn() + "#" + name, PolicyType.IDENTITY, document)));
        }
        for (Group group : groups.listForUser(user, PageRequest.first(Quotas.GROUPS_PER_USER * 10)).items()) {
            for (String name : groups.inlinePolicyNames(group)) {
                groups.inlinePolicy(group, name).ifPresent(document ->
                        set.identityPolicy(cache.compiled(group.arn() + "#" + name, PolicyType.IDENTITY, document)));
            }
        }
        return set.build();
    }
}
