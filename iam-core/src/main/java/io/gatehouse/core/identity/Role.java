package io.gatehouse.core.identity;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An IAM role: an identity with no long-term credentials that principals named in its trust
 * policy may assume. {@code roleId} is {@code AROA...}. The trust policy is kept as sent (AWS
 * returns it unchanged, URL-encoded on the wire); its permissions boundary is an
 * attachment, like a user's.
 */
public record Role(AccountId account, String roleId, String name, String path, Instant createDate,
                   String trustPolicy, Optional<String> description, MaxSessionDuration maxSessionDuration,
                   List<Tag> tags) {

    public Role {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(roleId, "roleId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(trustPolicy, "trustPolicy");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(maxSessionDuration, "maxSessionDuration");
        tags = List.copyOf(tags);
    }

    public Arn arn() {
        return Arn.iam(account, "role", path, name);
    }

    public Role withTrustPolicy(String document) {
        return new Role(account, roleId, name, path, createDate, document, description, maxSessionDuration,
                tags);
    }

    public Role withDescription(String text) {
        return new Role(account, roleId, name, path, createDate, trustPolicy, Optional.of(text), maxSessionDuration,
                tags);
    }

    public Role withMaxSessionDuration(MaxSessionDuration duration) {
        return new Role(account, roleId, name, path, createDate, trustPolicy, description, duration,
                tags);
    }

    public Role withTags(List<Tag> newTags) {
        return new Role(account, roleId, name, path, createDate, trustPolicy, description, maxSessionDuration,
                newTags);
    }
}
