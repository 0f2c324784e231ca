package io.gatehouse.web.rest;

import io.gatehouse.core.audit.AuditEvent;
import io.gatehouse.core.audit.RequestIds;
import io.gatehouse.core.port.AuditLog;
import io.gatehouse.core.service.Caller;
import io.gatehouse.web.config.CommittedChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Clock;
import java.util.Map;

/**
 * A change made through the JSON API, recorded as the Query API records one: marked as changing
 * the account (so recent reads are stale once it commits) and audited in the same transaction.
 */
@ApplicationScoped
public class RestChanges {

    @Inject
    AuditLog auditLog;

    @Inject
    CommittedChanges committedChanges;

    @Inject
    Clock clock;

    void changing(Caller caller) {
        committedChanges.changing(caller.account());
    }

    void audit(Caller caller, String action, Map<String, String> parameters, HttpServletRequest request) {
        auditLog.record(AuditEvent.success(caller.account(), clock.instant(), caller.arn().toString(), action,
                request.getRemoteAddr(), RequestIds.next(), parameters));
    }
}
