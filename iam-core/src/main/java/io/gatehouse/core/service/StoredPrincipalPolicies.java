package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.ManagedPolicy;
import io.gatehouse.core.identity.PolicyAttachment.Kind;
import io.gatehouse.core.identity.PrincipalType;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.policy.eval.CompiledPolicy;
import io.gatehouse.core.policy.eval.PolicySet;
import io.gatehouse.core.policy.eval.PolicyType;
import io.gatehouse.core.port.GroupRepository;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.PolicyAttachmentRepository;
import io.gatehouse.core.port.RoleRepository;
import io.gatehouse.core.port.UserRepository;
import io.gatehouse.core.sts.SessionPrincipal;
import io.gatehouse.core.sts.SessionToken;

import java.util.Optional;

/**
 * A principal's policies as stored: a user's inline and attached managed policies, those of each
 * of its groups, and its permissions boundary; a role's likewise; a session's, narrowed by its
 * session policies. Policies are read on every request (so a change is seen at
 * once, on every node); only the parsing is cached.
 */
public final class StoredPrincipalPolicies implements PrincipalPolicies {

    /**
     * A federated user without a session policy may do nothing (AWS); a Deny of no action at all
     * is a session policy that allows nothing and denies nothing.
     */
    private static final String NOTHING = "{\"Version\":\"2012-10-17\",\"Statement\":"
            + "[{\"Effect\":\"Deny\",\"NotAction\":\"*\",\"Resource\":\"*\"}]}";

    private final UserRepository users;
    private final GroupRepository groups;
    private final RoleRepository roles;
    private final PolicyAttachmentRepository attachments;
    private final ManagedPolicyService managedPolicies;
    private final CompiledPolicyCache cache;

    public StoredPrincipalPolicies(UserRepository users, GroupRepository groups, RoleRepository roles,
                                   PolicyAttachmentRepository attachments, ManagedPolicyService managedPolicies,
                                   CompiledPolicyCache cache) {
        this.users = users;
        this.groups = groups;
        this.roles = roles;
        this.attachments = attachments;
        this.managedPolicies = managedPolicies;
        this.cache = cache;
    }

    @Override
    public PolicySet forUser(User user) {
        PolicySet.Builder set = PolicySet.builder();
        userPolicies(user, set);
        return set.build();
    }

    @Override
    public PolicySet forRole(Role role) {
        PolicySet.Builder set = PolicySet.builder();
        rolePolicies(role, set);
        return set.build();
    }

    @Override
    public PolicySet forSession(SessionToken session) {
        PolicySet.Builder set = PolicySet.builder();
        SessionPrincipal principal = session.principal();
        if (principal instanceof SessionPrincipal.AssumedRole assumed) {
            roles.findByName(assumed.account(), assumed.roleName())
                    .filter(role -> role.roleId().equals(assumed.roleId()))
                    .ifPresent(role -> rolePolicies(role, set));
        } else if (principal instanceof SessionPrincipal.UserSession user) {
            users.findById(user.userId()).ifPresent(found -> userPolicies(found, set));
        } else if (principal instanceof SessionPrincipal.FederatedUser federated) {
            users.findById(federated.issuerUserId()).ifPresent(issuer -> userPolicies(issuer, set));
            if (session.sessionPolicy().isEmpty() && session.sessionPolicyArns().isEmpty()) {
                set.sessionPolicy(cache.compiled("session#nothing", PolicyType.SESSION, NOTHING));
            }
        }
        session.sessionPolicy().ifPresent(document ->
                set.sessionPolicy(cache.compiled("session#" + document, PolicyType.SESSION, document)));
        for (String arn : session.sessionPolicyArns()) {
            compiled(principal.account(), arn, PolicyType.SESSION).ifPresent(set::sessionPolicy);
        }
        return set.build();
    }

    @Override
    public PolicySet forGroup(Group group) {
        PolicySet.Builder set = PolicySet.builder();
        groupPolicies(group, set);
        return set.build();
    }

    private void groupPolicies(Group group, PolicySet.Builder set) {
        for (String name : groups.inlinePolicyNames(group)) {
            groups.inlinePolicy(group, name).ifPresent(document -> set.identityPolicy(
                    cache.compiled(PolicySource.inlineName(group.arn(), name), PolicyType.IDENTITY, document)));
        }
        attached(group.account(), PrincipalType.GROUP, group.groupId(), Kind.PERMISSIONS, PolicyType.IDENTITY, set);
    }

    private void rolePolicies(Role role, PolicySet.Builder set) {
        for (String name : roles.inlinePolicyNames(role)) {
            roles.inlinePolicy(role, name).ifPresent(document ->
                    set.identityPolicy(cache.compiled(PolicySource.inlineName(role.arn(), name), PolicyType.IDENTITY, document)));
        }
        attached(role.account(), PrincipalType.ROLE, role.roleId(), Kind.PERMISSIONS, PolicyType.IDENTITY, set);
        attached(role.account(), PrincipalType.ROLE, role.roleId(), Kind.PERMISSIONS_BOUNDARY,
                PolicyType.PERMISSION_BOUNDARY, set);
    }

    private void userPolicies(User user, PolicySet.Builder set) {
        for (String name : users.inlinePolicyNames(user)) {
            users.inlinePolicy(user, name).ifPresent(document ->
                    set.identityPolicy(cache.compiled(PolicySource.inlineName(user.arn(), name), PolicyType.IDENTITY, document)));
        }
        attached(user.account(), PrincipalType.USER, user.userId(), Kind.PERMISSIONS, PolicyType.IDENTITY, set);
        for (Group group : groups.listForUser(user, PageRequest.first(Quotas.GROUPS_PER_USER * 10)).items()) {
            groupPolicies(group, set);
        }
        attached(user.account(), PrincipalType.USER, user.userId(), Kind.PERMISSIONS_BOUNDARY,
                PolicyType.PERMISSION_BOUNDARY, set);
    }

    private void attached(AccountId account, PrincipalType type, String principalId, Kind kind, PolicyType as,
                          PolicySet.Builder set) {
        for (String arn : attachments.attachedTo(type, principalId, kind)) {
            compiled(account, arn, as).ifPresent(policy -> {
                if (as == PolicyType.PERMISSION_BOUNDARY) {
                    set.permissionBoundary(policy);
                } else {
                    set.identityPolicy(policy);
                }
            });
        }
    }

    /** The default version of the attached policy; one deleted meanwhile grants nothing. */
    private Optional<CompiledPolicy> compiled(AccountId account, String arn, PolicyType as) {
        try {
            ManagedPolicy policy = managedPolicies.get(account, arn);
            String document = managedPolicies.defaultDocument(account, policy);
            return Optional.of(cache.compiled(PolicySource.managedName(arn, policy.defaultVersionId()), as, document));
        } catch (io.gatehouse.core.error.IamException e) {
            return Optional.empty();
        }
    }
}
