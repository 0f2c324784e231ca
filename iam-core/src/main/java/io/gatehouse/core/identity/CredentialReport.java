package io.gatehouse.core.identity;

import io.gatehouse.core.arn.AccountId;

import java.time.Instant;
import java.util.Objects;

/** A generated credential report: AWS's CSV, and when it was made (it expires four hours later). */
public record CredentialReport(AccountId account, Instant generated, String csv) {

    public CredentialReport {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(generated, "generated");
        Objects.requireNonNull(csv, "csv");
    }
}
