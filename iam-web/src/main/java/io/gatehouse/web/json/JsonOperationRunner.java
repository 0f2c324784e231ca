package io.gatehouse.web.json;

import io.gatehouse.core.audit.AuditEvent;
import io.gatehouse.core.port.AuditLog;
import io.gatehouse.core.service.Caller;
import io.gatehouse.core.service.RequestFacts;
import io.gatehouse.web.config.CommittedChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** The transaction around one operation and its audit event. */
@ApplicationScoped
public class JsonOperationRunner {

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Inject
    CommittedChanges committedChanges;

    @Transactional
    public JsonObject run(JsonApi api, JsonOperation operation, Caller caller, JsonObject body, String sourceIp,
                          boolean secure, String requestId) {
        if (operation.mutating()) {
            committedChanges.changing(caller.account());
        }
        JsonObject result = operation.handler().handle(caller, body, new RequestFacts(sourceIp, secure, clock.instant()));
        if (operation.mutating()) {
            auditLog.record(AuditEvent.success(caller.account(), clock.instant(), caller.arn().toString(),
                    operation.name(), sourceIp, requestId, flatten(body)));
        }
        return result;
    }

    /** The top-level members as text, as the Query API's parameters are audited. */
    private static Map<String, String> flatten(JsonObject body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        body.forEach((name, value) -> parameters.put(name,
                value instanceof JsonString text ? text.getString() : value.toString()));
        return parameters;
    }
}
