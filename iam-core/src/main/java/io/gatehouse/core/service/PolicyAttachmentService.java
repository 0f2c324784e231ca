package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.ManagedPolicy;
import io.gatehouse.core.identity.PolicyAttachment;
import io.gatehouse.core.identity.PolicyAttachment.Kind;
import io.gatehouse.core.identity.PrincipalType;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.port.GroupRepository;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.PolicyAttachmentRepository;
import io.gatehouse.core.port.UserRepository;

import java.util.List;
import java.util.Optional;

/**
 * Managed policies attached to users and groups (AttachUserPolicy, DetachGroupPolicy, ...,
 * ListEntitiesForPolicy) and users' permissions boundaries. Roles attach the same way, by
 * {@link PrincipalType}.
 */
public final class PolicyAttachmentService {

    /** An identity with the managed policy attached, as ListEntitiesForPolicy reports it. */
    public record PolicyEntity(PrincipalType type, String name, String id) {
    }

    private final PolicyAttachmentRepository attachments;
    private final ManagedPolicyService policies;
    private final UserRepository users;
    private final GroupRepository groups;

    public PolicyAttachmentService(PolicyAttachmentRepository attachments, ManagedPolicyService policies,
                                   UserRepository users, GroupRepository groups) {
        this.attachments = attachments;
        this.policies = policies;
        this.users = users;
        this.groups = groups;
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

    /** The users and groups the policy is attached to, optionally of one type, ordered by name. */
    public Page<PolicyEntity> entitiesForPolicy(AccountId account, String policyArn, Optional<PrincipalType> filter,
                                                PageRequest page) {
        policies.get(account, policyArn);
        List<PolicyEntity> entities = attachments.attachmentsOf(account, policyArn, Kind.PERMISSIONS).stream()
                .filter(a -> filter.isEmpty() || filter.get() == a.principalType())
                .map(this::entity)
                .flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing((PolicyEntity e) -> e.type().ordinal())
                        .thenComparing(e -> e.name().toLowerCase(java.util.Locale.ROOT)))
                .toList();
        return NamePages.page(entities, e -> e.type() + "/" + e.name(), page);
    }

    /** Sets (or replaces) the user's permissions boundary; the policy must exist. */
    public void putUserPermissionsBoundary(AccountId account, String userName, String policyArn) {
        User user = user(account, userName);
        policies.get(account, policyArn);
        boundaryOf(PrincipalType.USER, user.userId()).ifPresent(old ->
                attachments.detach(new PolicyAttachment(old, PrincipalType.USER, user.userId(), Kind.PERMISSIONS_BOUNDARY)));
        attachments.attach(account, new PolicyAttachment(policyArn, PrincipalType.USER, user.userId(),
                Kind.PERMISSIONS_BOUNDARY));
    }

    public void deleteUserPermissionsBoundary(AccountId account, String userName) {
        User user = user(account, userName);
        String current = boundaryOf(PrincipalType.USER, user.userId()).orElseThrow(() -> IamException.noSuchEntity(
                "The user with name " + userName + " does not have a permissions boundary."));
        attachments.detach(new PolicyAttachment(current, PrincipalType.USER, user.userId(), Kind.PERMISSIONS_BOUNDARY));
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
            throw IamException.limitExceeded("Cannot exceed quota for PoliciesPerUser: "
                    .replace("User", type == PrincipalType.GROUP ? "Group" : "User") + Quotas.MANAGED_POLICIES_PER_IDENTITY);
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
                    .map(u -> new PolicyEntity(PrincipalType.USER, u.name(), u.userId()));
            case GROUP -> groups.findById(attachment.principalId())
                    .map(g -> new PolicyEntity(PrincipalType.GROUP, g.name(), g.groupId()));
            case ROLE -> Optional.empty();
        };
    }

    private User user(AccountId account, String userName) {
        Constraint.EXISTING_USER_NAME.check("UserName", userName);
        return users.findByName(account, userName).orElseThrow(() -> UserService.noSuchUser(userName));
    }

    private Group group(AccountId account, String groupName) {
        Constraint.GROUP_NAME.check("GroupName", groupName);
        return groups.findByName(account, groupName).orElseThrow(
                () -> IamException.noSuchEntity("The group with name " + groupName + " cannot be found."));
    }
}
