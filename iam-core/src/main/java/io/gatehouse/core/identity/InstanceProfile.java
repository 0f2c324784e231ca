package io.gatehouse.core.identity;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An instance profile: the container that hands a role to a machine. {@code instanceProfileId} is
 * {@code AIPA...}; {@code roles} holds at most one role, as in AWS.
 */
public record InstanceProfile(AccountId account, String instanceProfileId, String name, String path,
                              Instant createDate, List<Role> roles, List<Tag> tags) {

    public InstanceProfile {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(instanceProfileId, "instanceProfileId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(createDate, "createDate");
        roles = List.copyOf(roles);
        tags = List.copyOf(tags);
    }

    public Arn arn() {
        return Arn.iam(account, "instance-profile", path, name);
    }

    public InstanceProfile withRoles(List<Role> newRoles) {
        return new InstanceProfile(account, instanceProfileId, name, path, createDate, newRoles, tags);
    }

    public InstanceProfile withTags(List<Tag> newTags) {
        return new InstanceProfile(account, instanceProfileId, name, path, createDate, roles, newTags);
    }
}
