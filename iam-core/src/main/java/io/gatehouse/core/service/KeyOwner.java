package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.User;

import java.util.Optional;

/** Whose access keys an operation addresses: an IAM user, or the account's root user. */
public record KeyOwner(AccountId account, Optional<User> user) {

    public Optional<String> userId() {
        return user.map(User::userId);
    }

    public String userName() {
        return user.map(User::name).orElse("");
    }
}
