package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.audit.AuditEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** One audit record. Written once, never updated: no version. */
@Entity
@Immutable
@Table(name = "audit_events")
public class AuditEventEntity {

    @Id
    @Column(name = "event_id")
    private String eventId;

    /** Assigned by the database on insert; orders events recorded in the same instant. */
    @Column(name = "seq", insertable = false, updatable = false)
    private Long seq;

    @Column(name = "account_id")
    private String accountId;

    @Column(name = "event_time")
    private Instant eventTime;

    @Column(name = "principal_arn")
    private String principalArn;

    @Column(name = "action")
    private String action;

    @Column(name = "source_ip")
    private String sourceIp;

    @Column(name = "request_id")
    private String requestId;

    /** The redacted request parameters as a JSON object of strings. */
    @Column(name = "parameters")
    private String parameters;

    @Column(name = "outcome")
    private String outcome;

    protected AuditEventEntity() {
    }

    AuditEventEntity(AuditEvent event) {
        this.eventId = event.eventId();
        this.accountId = event.account().value();
        this.eventTime = event.eventTime();
        this.principalArn = event.principalArn();
        this.action = event.action();
        this.sourceIp = event.sourceIp();
        this.requestId = event.requestId();
        this.parameters = ParameterJson.write(event.parameters());
        this.outcome = event.outcome();
    }

    AuditEvent toAuditEvent() {
        return new AuditEvent(eventId, new AccountId(accountId), eventTime, principalArn, action, sourceIp,
                requestId, ParameterJson.read(parameters), outcome);
    }
}
