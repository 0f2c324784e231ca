package io.gatehouse.web.audit;

import io.gatehouse.core.audit.AuditEvent;
import io.gatehouse.core.port.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/** Writes a batch of audit events in one transaction of its own. */
@ApplicationScoped
public class AuditBatchWriter {

    @Inject
    AuditLog auditLog;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void write(List<AuditEvent> events) {
        auditLog.recordAll(events);
    }
}
