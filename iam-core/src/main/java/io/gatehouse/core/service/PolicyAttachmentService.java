package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.ManagedPolicy;
import io.gatehouse.core.identity.PolicyAttachment;
import io.gatehouse.core.identity.PolicyAttachment.Kind;
import io.gatehouse.core.identity.PrincipalType;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.port.GroupRepository;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.PolicyAttachmentRepository;
import io.gatehouse.core.port.RoleRepository;
import io.gatehouse.core.port.UserRepository;

import java.util.List;
import java.util.Optional;

/**
 * Managed policies attached to users, groups and roles (AttachUserPolicy, DetachGroupPolicy,
 * AttachRolePolicy, ..., ListEntitiesForPolicy) and the permissions boundaries of users and roles,
 * all kept as attachments by {@link PrincipalType}.
 */
public final class PolicyAttachmentService {

    /** An identity with the managed policy attached, as ListEntitiesForPolicy reports it. */
    public record PolicyEntity(PrincipalType type, String name, String id, String path) {
    }

    private final PolicyAttachmentRepository attachments;
    private final ManagedPolicyService policies;
    private final UserRepository users;
    private final GroupRepository groups;
    private final RoleRepository roles;

    public PolicyAttachmentService(PolicyAttachmentRepository attachments, ManagedPolicyService policies,
                                   UserRepository users, GroupRepository groups, RoleRepository roles) {
        this.attachments = attachments;
        this.policies = policies;
        this.users = users;
        this.groups = groups;
        this.roles = roles;
    }

    public void attachUserPolicy(AccountId account, String userName, String policyArn) {
        User user = user(account, userName);
        attach(account, policyArn, PrincipalType.USER, user.userId());
    }

    public void detachUserPolicy(AccountId account, String userName, String policyArn) {
        User user = user(account, userName);
        detach(account, policyArn, PrincipalType.USER, user.userId());
    }

    public Page<ManagedPolicy> attachedUserPolicies(AccountId account, String userName, Optional<String> pathPrefix,
                                                    PageRequest page) {
        return attached(account, PrincipalType.USER, user(account, userName).userId(), pathPrefix, page);
    }

    public void attachGroupPolicy(AccountId account, String groupName, String policyArn) {
        Group group = group(account, groupName);
        attach(account, policyArn, PrincipalType.GROUP, group.groupId());
    }

    public void detachGroupPolicy(AccountId account, String groupName, String policyArn) {
        Group group = group(account, groupName);
        detach(account, policyArn, PrincipalType.GROUP, group.groupId());
    }

    public Page<ManagedPolicy> attachedGroupPolicies(AccountId account, String groupName, Optional<String> pathPrefix,
                                                     PageRequest page) {
        return attached(account, PrincipalType.GROUP, group(account, groupName).groupId(), pathPrefix, page);
    }

    public void attachRolePolicy(AccountId account, String roleName, String policyArn) {
        attach(account, policyArn, PrincipalType.ROLE, role(account, roleName).roleId());
    }

    public void detachRolePolicy(AccountId account, String roleName, String policyArn) {
        detach(account, policyArn, PrincipalType.ROLE, role(account, roleName).roleId());
    }

    public Page<ManagedPolicy> attachedRolePolicies(AccountId account, String roleName, Optional<String> pathPrefix,
                                                    PageRequest page) {
        return attached(account, PrincipalType.ROLE, role(account, roleName).roleId(), pathPrefix, page);
    }

    /**
     * The users, groups and roles the policy is attached to, as permissions or (with the usage
     * filter PermissionsBoundary) as boundary, optionally of one type and under a path, by name.
     */
    public Page<PolicyEntity> entitiesForPolicy(AccountId account, String policyArn, Optional<PrincipalType> filter,
                                                Optional<Kind> usage, Optional<String> pathPrefix, PageRequest page) {
        policies.get(account, policyArn);
        String prefix = pathPrefix.map(p -> Constraint.PATH_PREFIX.check("PathPrefix", p)).orElse("/");
        List<PolicyAttachment> found = new java.util.ArrayList<>();
        for (Kind kind : usage.map(List::of).orElse(List.of(Kind.PERMISSIONS, Kind.PERMISSIONS_BOUNDARY))) {
            found.addAll(attachments.attachmentsOf(account, policyArn, kind));
        }
        List<PolicyEntity> entities = found.stream()
                .filter(a -> filter.isEmpty() || filter.get() == a.principalType())
                .map(this::entity)
                .flatMap(Optional::stream)
                .filter(e -> e.path().startsWith(prefix))
                .distinct()
                .sorted(java.util.Comparator.comparing((PolicyEntity e) -> e.type().ordinal())
                        .thenComparing(e -> e.name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
        return NamePages.page(entities, e -> e.type() + "/" + e.name(), page);
    }

    /** Sets (or replaces) the user's permissions boundary; the policy must exist. */
    public void putUserPermissionsBoundary(AccountId account, String userName, String policyArn) {
        putBoundary(account, PrincipalType.USER, user(account, userName).userId(), policyArn);
    }

    public void deleteUserPermissionsBoundary(AccountId account, String userName) {
        deleteBoundary(PrincipalType.USER, user(account, userName).userId(), "user", userName);
    }

    public void putRolePermissionsBoundary(AccountId account, String roleName, String policyArn) {
        putBoundary(account, PrincipalType.ROLE, role(account, roleName).roleId(), policyArn);
    }

    public void deleteRolePermissionsBoundary(AccountId account, String roleName) {
        deleteBoundary(PrincipalType.ROLE, role(account, roleName).roleId(), "role", roleName);
    }

    private void putBoundary(AccountId account, PrincipalType type, String principalId, String policyArn) {
        Constraint.ARN.check("PermissionsBoundary", policyArn);
        policies.get(account, policyArn);
        boundaryOf(type, principalId).ifPresent(old ->
                attachments.detach(new PolicyAttachment(old, type, principalId, Kind.PERMISSIONS_BOUNDARY)));
        attachments.attach(account, new PolicyAttachment(policyArn, type, principalId, Kind.PERMISSIONS_BOUNDARY));
    }

    private void deleteBoundary(PrincipalType type, String principalId, String holder, String name) {
        String current = boundaryOf(type, principalId).orElseThrow(() -> IamException.noSuchEntity(
                "The " + holder + " with name " + name + " does not have a permissions boundary."));
        attachments.detach(new PolicyAttachment(current, type, principalId, Kind.PERMISSIONS_BOUNDARY));
    }

    /** The ARNs attached to the identity with that kind, in attachment order. */
    public List<String> attachedArns(PrincipalType type, String principalId, Kind kind) {
        return attachments.attachedTo(type, principalId, kind);
    }

    /** The ARN of the identity's permissions boundary, if it has one. */
    public Optional<String> boundaryOf(PrincipalType type, String principalId) {
        return attachments.attachedTo(type, principalId, Kind.PERMISSIONS_BOUNDARY).stream().findFirst();
    }

    /** Whether anything is attached to the identity, which AWS requires to be removed before deleting it. */
    public boolean hasAttachments(PrincipalType type, String principalId) {
        return !attachments.attachedTo(type, principalId, Kind.PERMISSIONS).isEmpty()
                || !attachments.attachedTo(type, principalId, Kind.PERMISSIONS_BOUNDARY).isEmpty();
    }

    private void attach(AccountId account, String policyArn, PrincipalType type, String principalId) {
        policies.get(account, policyArn);
        PolicyAttachment attachment = new PolicyAttachment(policyArn, type, principalId, Kind.PERMISSIONS);
        if (attachments.isAttached(attachment)) {
            return; // AWS answers success when the policy is attached already.
        }
        if (attachments.attachedTo(type, principalId, Kind.PERMISSIONS).size() >= Quotas.MANAGED_POLICIES_PER_IDENTITY) {
            throw IamException.limitExceeded("Cannot exceed quota for PoliciesPer" + switch (type) {
                case USER -> "User";
                case GROUP -> "Group";
                case ROLE -> "Role";
            } + ": " + Quotas.MANAGED_POLICIES_PER_IDENTITY);
        }
        attachments.attach(account, attachment);
    }

    private void detach(AccountId account, String policyArn, PrincipalType type, String principalId) {
        ManagedPolicyService.checkArn(policyArn);
        if (!attachments.detach(new PolicyAttachment(policyArn, type, principalId, Kind.PERMISSIONS))) {
            throw IamException.noSuchEntity("Policy " + policyArn + " was not found.");
        }
    }

    private Page<ManagedPolicy> attached(AccountId account, PrincipalType type, String principalId,
                                         Optional<String> pathPrefix, PageRequest page) {
        String prefix = pathPrefix.map(p -> Constraint.PATH_PREFIX.check("PathPrefix", p)).orElse("/");
        List<ManagedPolicy> attached = attachments.attachedTo(type, principalId, Kind.PERMISSIONS).stream()
                .map(arn -> policies.get(account, arn))
                .filter(p -> p.path().startsWith(prefix))
                .sorted(java.util.Comparator.comparing(p -> p.name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
        return NamePages.page(attached, p -> p.arn().toString(), page);
    }

    private Optional<PolicyEntity> entity(PolicyAttachment attachment) {
        return switch (attachment.principalType()) {
            case USER -> users.findById(attachment.principalId())
                    .map(u -> new PolicyEntity(PrincipalType.USER, u.name(), u.userId(), u.path()));
            case GROUP -> groups.findById(attachment.principalId())
                    .map(g -> new PolicyEntity(PrincipalType.GROUP, g.name(), g.groupId(), g.path()));
            case ROLE -> roles.findById(attachment.principalId())
                    .map(r -> new PolicyEntity(PrincipalType.ROLE, r.name(), r.roleId(), r.path()));
        };
    }

    private User user(AccountId account, String userName) {
        Constraint.EXISTING_USER_NAME.check("UserName", userName);
        return users.findByName(account, userName).orElseThrow(() -> UserService.noSuchUser(userName));
    }

    private Role role(AccountId account, String roleName) {
        Constraint.ROLE_NAME.check("RoleName", roleName);
        return roles.findByName(account, roleName).orElseThrow(() -> RoleService.noSuchRole(roleName));
    }

    private Group group(AccountId account, String groupName) {
        Constraint.GROUP_NAME.check("GroupName", groupName);
        return groups.findByName(account, groupName).orElseThrow(
                () -> IamException.noSuchEntity("The group with name " + groupName + " cannot be found."));
    }
}
