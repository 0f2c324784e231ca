package io.gatehouse.core.service;

import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.policy.eval.PolicySet;
import io.gatehouse.core.policy.eval.PolicyType;
import io.gatehouse.core.port.GroupRepository;
import io.gatehouse.core.port.PageRequest;

/**
 * A user's policies as stored: the inline policies of each of its groups, compiled through the
 * cache. Policies are read on every request (so a change is seen at once, on every node); only the
 * parsing is cached.
 */
public final class StoredPrincipalPolicies implements PrincipalPolicies {

    private final GroupRepository groups;
    private final CompiledPolicyCache cache;

    public StoredPrincipalPolicies(GroupRepository groups, CompiledPolicyCache cache) {
        this.groups = groups;
        this.cache = cache;
    }

    @Override
    public PolicySet forUser(User user) {
        PolicySet.Builder set = PolicySet.builder();
        for (Group group : groups.listForUser(user, PageRequest.first(Quotas.GROUPS_PER_USER * 10)).items()) {
            for (String name : groups.inlinePolicyNames(group)) {
                groups.inlinePolicy(group, name).ifPresent(document ->
                        set.identityPolicy(cache.compiled(group.arn() + "#" + name, PolicyType.IDENTITY, document)));
            }
        }
        return set.build();
    }
}
