package io.gatehouse.core.service;

import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.ManagedPolicy;
import io.gatehouse.core.identity.PolicyAttachment.Kind;
import io.gatehouse.core.identity.PrincipalType;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.policy.eval.CompiledPolicy;
import io.gatehouse.core.policy.eval.PolicySet;
import io.gatehouse.core.policy.eval.PolicyType;
import io.gatehouse.core.port.GroupRepository;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.PolicyAttachmentRepository;
import io.gatehouse.core.port.UserRepository;

import java.util.Optional;

/**
 * A user's policies as stored: its inline and attached managed policies, those of each of its
 * groups, and its permissions boundary. Policies are read on every request (so a change is seen at
 * once, on every node); only the parsing is cached.
 */
public final class StoredPrincipalPolicies implements PrincipalPolicies {

    private final UserRepository users;
    private final GroupRepository groups;
    private final PolicyAttachmentRepository attachments;
    private final ManagedPolicyService managedPolicies;
    private final CompiledPolicyCache cache;

    public StoredPrincipalPolicies(UserRepository users, GroupRepository groups, PolicyAttachmentRepository attachments,
                                   ManagedPolicyService managedPolicies, CompiledPolicyCache cache) {
        this.users = users;
        this.groups = groups;
        this.attachments = attachments;
        this.managedPolicies = managedPolicies;
        this.cache = cache;
    }

    @Override
    public PolicySet forUser(User user) {
        PolicySet.Builder set = PolicySet.builder();
        for (String name : users.inlinePolicyNames(user)) {
            users.inlinePolicy(user, name).ifPresent(document ->
                    set.identityPolicy(cache.compiled(user.arn() + "#" + name, PolicyType.IDENTITY, document)));
        }
        attached(user, PrincipalType.USER, user.userId(), Kind.PERMISSIONS, PolicyType.IDENTITY, set);
        for (Group group : groups.listForUser(user, PageRequest.first(Quotas.GROUPS_PER_USER * 10)).items()) {
            for (String name : groups.inlinePolicyNames(group)) {
                groups.inlinePolicy(group, name).ifPresent(document ->
                        set.identityPolicy(cache.compiled(group.arn() + "#" + name, PolicyType.IDENTITY, document)));
            }
            attached(user, PrincipalType.GROUP, group.groupId(), Kind.PERMISSIONS, PolicyType.IDENTITY, set);
        }
        attached(user, PrincipalType.USER, user.userId(), Kind.PERMISSIONS_BOUNDARY, PolicyType.PERMISSION_BOUNDARY, set);
        return set.build();
    }

    private void attached(User user, PrincipalType type, String principalId, Kind kind, PolicyType as,
                          PolicySet.Builder set) {
        for (String arn : attachments.attachedTo(type, principalId, kind)) {
            compiled(user, arn, as).ifPresent(policy -> {
                if (as == PolicyType.PERMISSION_BOUNDARY) {
                    set.permissionBoundary(policy);
                } else {
                    set.identityPolicy(policy);
                }
            });
        }
    }

    /** The default version of the attached policy; one deleted meanwhile grants nothing. */
    private Optional<CompiledPolicy> compiled(User user, String arn, PolicyType as) {
        try {
            ManagedPolicy policy = managedPolicies.get(user.account(), arn);
            String document = managedPolicies.defaultDocument(user.account(), policy);
            return Optional.of(cache.compiled(arn + "#" + policy.defaultVersionId(), as, document));
        } catch (io.gatehouse.core.error.IamException e) {
            return Optional.empty();
        }
    }
}
