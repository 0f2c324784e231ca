package io.gatehouse.core.identity;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** An IAM user. {@code userId} is the stable unique id ({@code AIDA...}); the name may change. */
public record User(AccountId account, String userId, String name, String path, Instant createDate, List<Tag> tags) {

    public User {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(createDate, "createDate");
        tags = List.copyOf(tags);
    }

    public Arn arn() {
        return Arn.iam(account, "user", path, name);
    }

    public User withNameAndPath(String newName, String newPath) {
        return new User(account, userId, newName, newPath, createDate, tags);
    }

    public User withTags(List<Tag> newTags) {
        return new User(account, userId, name, path, createDate, newTags);
    }
}
