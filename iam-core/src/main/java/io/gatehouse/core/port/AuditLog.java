package io.gatehouse.core.port;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.audit.AuditEvent;

import java.util.List;

/** Where mutating calls are recorded, in the same transaction as the change they describe. */
public interface AuditLog {
    void record(AuditEvent event);

    /** Several events in the caller's transaction (a batch of issued-credential events). */
    default void recordAll(List<AuditEvent> events) {
        events.forEach(this::record);
    }

    /** The newest events of an account first. */
    List<AuditEvent> recent(AccountId account, int limit);
}
