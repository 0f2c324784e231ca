package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.identity.User;

import java.util.Objects;
import java.util.Optional;

/**
 * The authenticated principal of a request: the account's root user or one of its IAM users.
 * {@code principalId} is what AWS reports as UserId: the account id for root, {@code AIDA...} for a user.
 */
public record Caller(AccountId account, Arn arn, String principalId, Optional<User> user, String accessKeyId) {

    public Caller {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(principalId, "principalId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
    }

    public static Caller root(AccountId account, String accessKeyId) {
        return new Caller(account, Arn.accountRoot(account), account.value(), Optional.empty(), accessKeyId);
    }

    public static Caller user(User user, String accessKeyId) {
        return new Caller(user.account(), user.arn(), user.userId(), Optional.of(user), accessKeyId);
    }

    public boolean isRoot() {
        return user.isEmpty();
    }
}
