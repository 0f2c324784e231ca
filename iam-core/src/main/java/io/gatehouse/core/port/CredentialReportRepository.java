package io.gatehouse.core.port;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.CredentialReport;

import java.util.Optional;

/** The latest credential report of each account. */
public interface CredentialReportRepository {

    Optional<CredentialReport> find(AccountId account);

    /** Replaces the account's report. */
    void put(CredentialReport report);
}
