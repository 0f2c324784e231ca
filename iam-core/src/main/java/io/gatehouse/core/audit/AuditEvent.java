package io.gatehouse.core.audit;

import io.gatehouse.core.arn.AccountId;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One mutating call: who made it, which action, when, from where, with which parameters.
 * Parameters are stored already redacted ({@link Redaction}).
 */
public record AuditEvent(String eventId, AccountId account, Instant eventTime, String principalArn, String action,
                         String sourceIp, String requestId, Map<String, String> parameters, String outcome) {
    public AuditEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(principalArn, "principalArn");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(sourceIp, "sourceIp");
        Objects.requireNonNull(requestId, "requestId");
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(outcome, "outcome");
    }

    /**
     * A call that succeeded at {@code at}: its id is time-ordered ({@link RequestIds#timeOrdered})
     * and its parameters are redacted here, so no caller can forget either.
     */
    public static AuditEvent success(AccountId account, Instant at, String principalArn, String action,
                                     String sourceIp, String requestId, Map<String, String> parameters) {
        return new AuditEvent(RequestIds.timeOrdered(at), account, at, principalArn, action, sourceIp, requestId,
                Redaction.redact(parameters), "Success");
    }
}
