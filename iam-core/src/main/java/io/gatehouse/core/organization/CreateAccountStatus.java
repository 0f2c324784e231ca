package io.gatehouse.core.organization;

import io.gatehouse.core.arn.AccountId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The record of one CreateAccount request ({@code car-…}). Accounts are created within the request,
 * so a status is SUCCEEDED or FAILED when first returned; IN_PROGRESS exists for AWS's clients.
 */
public record CreateAccountStatus(String id, String accountName, State state, Instant requested,
                                  Optional<Instant> completed, Optional<AccountId> accountId,
                                  Optional<String> failureReason) {

    public enum State { IN_PROGRESS, SUCCEEDED, FAILED }

    public CreateAccountStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountName, "accountName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(completed, "completed");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(failureReason, "failureReason");
    }

    public static CreateAccountStatus succeeded(String id, String name, Instant at, AccountId account) {
        return new CreateAccountStatus(id, name, State.SUCCEEDED, at, Optional.of(at), Optional.of(account),
                Optional.empty());
    }

    public static CreateAccountStatus failed(String id, String name, Instant at, String reason) {
        return new CreateAccountStatus(id, name, State.FAILED, at, Optional.of(at), Optional.empty(),
                Optional.of(reason));
    }
}
