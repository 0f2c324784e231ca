package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.CredentialGenerator;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.MaxSessionDuration;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.port.InstanceProfileRepository;
import io.gatehouse.core.port.PolicyAttachmentRepository;
import io.gatehouse.core.identity.PolicyAttachment;
import io.gatehouse.core.identity.PrincipalType;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.RoleRepository;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** IAM role operations: CreateRole, the updates, DeleteRole and role tagging. */
public final class RoleService {

    /** A managed policy: customer-managed (account id) or AWS-managed ("aws"). */
    private static final Pattern POLICY_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}|aws):policy/.+");

    private final RoleRepository roles;
    private final InstanceProfileRepository instanceProfiles;
    private final PolicyAttachmentRepository attachments;
    private final TrustPolicyValidator trustPolicies;
    private final CredentialGenerator generator;
    private final Clock clock;

    public RoleService(RoleRepository roles, InstanceProfileRepository instanceProfiles,
                       PolicyAttachmentRepository attachments, TrustPolicyValidator trustPolicies,
                       CredentialGenerator generator, Clock clock) {
        this.roles = roles;
        this.instanceProfiles = instanceProfiles;
        this.attachments = attachments;
        this.trustPolicies = trustPolicies;
        this.generator = generator;
        this.clock = clock;
    }

    /** What CreateRole asks for; absent optionals take AWS's defaults. */
    public record NewRole(String name, Optional<String> path, String trustPolicy, Optional<String> description,
                          Optional<Integer> maxSessionDuration, Optional<String> permissionsBoundary, List<Tag> tags) {
    }

    public Role create(AccountId account, NewRole request) {
        Constraint.ROLE_NAME.check("RoleName", request.name());
        String path = request.path().map(p -> Constraint.PATH.check("Path", p)).orElse("/");
        request.description().ifPresent(d -> Constraint.ROLE_DESCRIPTION.check("Description", d));
        MaxSessionDuration duration = request.maxSessionDuration().map(MaxSessionDuration::new)
                .orElse(MaxSessionDuration.DEFAULT);
        request.permissionsBoundary().ifPresent(RoleService::checkBoundary);
        List<Tag> tags = TagSet.validated(request.tags());
        checkTrustPolicy(request.trustPolicy());
        if (roles.findByName(account, request.name()).isPresent()) {
            throw alreadyExists(request.name());
        }
        if (roles.count(account) >= Quotas.ROLES_PER_ACCOUNT) {
            throw IamException.limitExceeded("Cannot exceed quota for RolesPerAccount: " + Quotas.ROLES_PER_ACCOUNT);
        }
        Role role = new Role(account, generator.uniqueId("AROA"), request.name(), path, clock.instant(),
                request.trustPolicy(), request.description(), duration, tags);
        roles.create(role);
        return role;
    }

    public Role get(AccountId account, String name) {
        Constraint.ROLE_NAME.check("RoleName", name);
        return roles.findByName(account, name).orElseThrow(() -> noSuchRole(name));
    }

    public Page<Role> list(AccountId account, Optional<String> pathPrefix, PageRequest page) {
        String prefix = pathPrefix.map(p -> Constraint.PATH_PREFIX.check("PathPrefix", p)).orElse("/");
        page.marker().ifPresent(m -> Constraint.MARKER.check("Marker", m));
        return roles.list(account, prefix, page);
    }

    /** UpdateRole: either setting may be given alone; what is not given stays. */
    public Role update(AccountId account, String name, Optional<String> description,
                       Optional<Integer> maxSessionDuration) {
        description.ifPresent(d -> Constraint.ROLE_DESCRIPTION.check("Description", d));
        Optional<MaxSessionDuration> duration = maxSessionDuration.map(MaxSessionDuration::new);
        Role role = get(account, name);
        Role updated = description.map(role::withDescription).orElse(role);
        updated = duration.map(updated::withMaxSessionDuration).orElse(updated);
        roles.update(updated);
        return updated;
    }

    public Role updateDescription(AccountId account, String name, String description) {
        return update(account, name, Optional.of(description), Optional.empty());
    }

    public void updateTrustPolicy(AccountId account, String name, String document) {
        Role role = get(account, name);
        checkTrustPolicy(document);
        roles.update(role.withTrustPolicy(document));
    }

    /** AWS refuses to delete a role that an instance profile still holds. */
    public void delete(AccountId account, String name) {
        Role role = get(account, name);
        if (instanceProfiles.countForRole(role) > 0) {
            throw IamException.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
        }
        if (!roles.inlinePolicyNames(role).isEmpty()) {
            throw IamException.deleteConflict("Cannot delete entity, must delete policies first.");
        }
        if (!attachments.attachedTo(PrincipalType.ROLE, role.roleId(), PolicyAttachment.Kind.PERMISSIONS).isEmpty()) {
            throw IamException.deleteConflict("Cannot delete entity, must detach all policies first.");
        }
        // A permissions boundary does not hold a role back (AWS); it goes with the role.
        attachments.attachedTo(PrincipalType.ROLE, role.roleId(), PolicyAttachment.Kind.PERMISSIONS_BOUNDARY)
                .forEach(arn -> attachments.detach(new PolicyAttachment(arn, PrincipalType.ROLE, role.roleId(),
                        PolicyAttachment.Kind.PERMISSIONS_BOUNDARY)));
        roles.delete(role);
    }

    public void tag(AccountId account, String name, List<Tag> tags) {
        Role role = get(account, name);
        roles.update(role.withTags(TagSet.merge(role.tags(), tags)));
    }

    public void untag(AccountId account, String name, Collection<String> keys) {
        Role role = get(account, name);
        roles.update(role.withTags(TagSet.remove(role.tags(), keys)));
    }

    /** The one place a trust policy is checked before it is stored. */
    private void checkTrustPolicy(String document) {
        Constraint.POLICY_DOCUMENT.check("AssumeRolePolicyDocument", document);
        trustPolicies.validate(document);
    }

    /** Only the ARN's form is checked now; that the policy exists is for the policy subsystem. */
    private static void checkBoundary(String arn) {
        Constraint.ARN.check("PermissionsBoundary", arn);
        if (!POLICY_ARN.matcher(arn).matches()) {
            throw new IamException(ErrorCode.INVALID_INPUT, "ARN " + arn + " is not valid.");
        }
    }

    static IamException noSuchRole(String name) {
        return IamException.noSuchEntity("The role with name " + name + " cannot be found.");
    }

    private static IamException alreadyExists(String name) {
        return IamException.alreadyExists("Role with name " + name + " already exists.");
    }
}
