package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.audit.AuditEvent;
import io.gatehouse.core.port.AuditLog;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Objects;

/** The audit trail in {@code audit_events}, written in the caller's transaction with the change it records. */
public final class JpaAuditLog implements AuditLog {

    private final EntityManager em;

    public JpaAuditLog(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    @Override
    public void record(AuditEvent event) {
        em.persist(new AuditEventEntity(event));
        Flushes.flush(em, null);
    }

    /** One flush for the batch rather than one per event. */
    @Override
    public void recordAll(List<AuditEvent> events) {
        events.forEach(event -> em.persist(new AuditEventEntity(event)));
        Flushes.flush(em, null);
    }

    @Override
    public List<AuditEvent> recent(AccountId account, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return em.createQuery("""
                        select e from AuditEventEntity e where e.accountId = :account
                        order by e.eventTime desc, e.seq desc""", AuditEventEntity.class)
                .setParameter("account", account.value())
                .setMaxResults(limit)
                .getResultStream()
                .map(AuditEventEntity::toAuditEvent)
                .toList();
    }
}
