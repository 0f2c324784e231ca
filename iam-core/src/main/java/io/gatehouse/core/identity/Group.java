package io.gatehouse.core.identity;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;

import java.time.Instant;
import java.util.Objects;

/** An IAM group: a set of users that share policies. {@code groupId} is {@code AGPA...}. */
public record Group(AccountId account, String groupId, String name, String path, Instant createDate) {

    public Group {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(createDate, "createDate");
    }

    public Arn arn() {
        return Arn.iam(account, "group", path, name);
    }

    public Group withNameAndPath(String newName, String newPath) {
        return new Group(account, groupId, newName, newPath, createDate);
    }
}
