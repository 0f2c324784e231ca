package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.CredentialGenerator;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.InstanceProfile;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.port.InstanceProfileRepository;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.RoleRepository;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Instance profiles, the role each holds (at most one, as in AWS) and their tags. */
public final class InstanceProfileService {

    private final InstanceProfileRepository profiles;
    private final RoleRepository roles;
    private final CredentialGenerator generator;
    private final Clock clock;

    public InstanceProfileService(InstanceProfileRepository profiles, RoleRepository roles,
                                  CredentialGenerator generator, Clock clock) {
        this.profiles = profiles;
        this.roles = roles;
        this.generator = generator;
        this.clock = clock;
    }

    public InstanceProfile create(AccountId account, String name, Optional<String> path, List<Tag> tags) {
        Constraint.INSTANCE_PROFILE_NAME.check("InstanceProfileName", name);
        String profilePath = path.map(p -> Constraint.PATH.check("Path", p)).orElse("/");
        List<Tag> validTags = TagSet.validated(tags);
        if (profiles.findByName(account, name).isPresent()) {
            throw alreadyExists(name);
        }
        if (profiles.count(account) >= Quotas.INSTANCE_PROFILES_PER_ACCOUNT) {
            throw IamException.limitExceeded("Cannot exceed quota for InstanceProfilesPerAccount: "
                    + Quotas.INSTANCE_PROFILES_PER_ACCOUNT);
        }
        InstanceProfile profile = new InstanceProfile(account, generator.uniqueId("AIPA"), name, profilePath,
                clock.instant(), List.of(), validTags);
        profiles.create(profile);
        return profile;
    }

    public InstanceProfile get(AccountId account, String name) {
        Constraint.INSTANCE_PROFILE_NAME.check("InstanceProfileName", name);
        return profiles.findByName(account, name).orElseThrow(() -> IamException.noSuchEntity(
                "Instance Profile " + name + " cannot be found."));
    }

    public Page<InstanceProfile> list(AccountId account, Optional<String> pathPrefix, PageRequest page) {
        String prefix = pathPrefix.map(p -> Constraint.PATH_PREFIX.check("PathPrefix", p)).orElse("/");
        page.marker().ifPresent(m -> Constraint.MARKER.check("Marker", m));
        return profiles.list(account, prefix, page);
    }

    public Page<InstanceProfile> listForRole(AccountId account, String roleName, PageRequest page) {
        page.marker().ifPresent(m -> Constraint.MARKER.check("Marker", m));
        return profiles.listForRole(role(account, roleName), page);
    }

    public void addRole(AccountId account, String profileName, String roleName) {
        InstanceProfile profile = get(account, profileName);
        Role role = role(account, roleName);
        if (profile.roles().size() >= Quotas.ROLES_PER_INSTANCE_PROFILE) {
            // AWS names this quota InstanceSessionsPerInstanceProfile, also when the role is the one it holds.
            throw IamException.limitExceeded("Cannot exceed quota for InstanceSessionsPerInstanceProfile: "
                    + Quotas.ROLES_PER_INSTANCE_PROFILE);
        }
        profiles.addRole(profile, role);
    }

    public void removeRole(AccountId account, String profileName, String roleName) {
        InstanceProfile profile = get(account, profileName);
        Role role = role(account, roleName);
        if (profile.roles().stream().noneMatch(r -> r.roleId().equals(role.roleId()))) {
            throw IamException.noSuchEntity("The role with name " + roleName
                    + " cannot be found in instance profile " + profileName + ".");
        }
        profiles.removeRole(profile, role);
    }

    /** AWS refuses to delete a profile that still holds a role. */
    public void delete(AccountId account, String name) {
        InstanceProfile profile = get(account, name);
        if (!profile.roles().isEmpty()) {
            throw IamException.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
        }
        profiles.delete(profile);
    }

    public void tag(AccountId account, String name, List<Tag> tags) {
        InstanceProfile profile = get(account, name);
        profiles.update(profile.withTags(TagSet.merge(profile.tags(), tags)));
    }

    public void untag(AccountId account, String name, Collection<String> keys) {
        InstanceProfile profile = get(account, name);
        profiles.update(profile.withTags(TagSet.remove(profile.tags(), keys)));
    }

    private Role role(AccountId account, String roleName) {
        Constraint.ROLE_NAME.check("RoleName", roleName);
        return roles.findByName(account, roleName).orElseThrow(() -> RoleService.noSuchRole(roleName));
    }

    private static IamException alreadyExists(String name) {
        return IamException.alreadyExists("Instance Profile " + name + " already exists.");
    }
}
