package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.CredentialReport;
import io.gatehouse.core.port.CredentialReportRepository;
import jakarta.persistence.EntityManager;

import java.util.Objects;
import java.util.Optional;

/** Credential reports in {@code credential_reports}, one per account. Runs in the caller's transaction. */
public final class JpaCredentialReportRepository implements CredentialReportRepository {

    private final EntityManager em;

    public JpaCredentialReportRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    @Override
    public Optional<CredentialReport> find(AccountId account) {
        return Optional.ofNullable(em.find(CredentialReportEntity.class, account.value()))
                .map(CredentialReportEntity::toReport);
    }

    @Override
    public void put(CredentialReport report) {
        CredentialReportEntity existing = em.find(CredentialReportEntity.class, report.account().value());
        if (existing != null) {
            existing.replace(report);
        } else {
            em.persist(new CredentialReportEntity(report));
        }
        Flushes.flush(em, null);
    }
}
