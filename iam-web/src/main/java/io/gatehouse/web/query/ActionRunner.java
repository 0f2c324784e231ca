package io.gatehouse.web.query;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.audit.AuditEvent;
import io.gatehouse.core.audit.Redaction;
import io.gatehouse.core.port.AuditLog;
import io.gatehouse.core.service.Authorizer;
import io.gatehouse.core.service.Caller;
import io.gatehouse.core.service.RequestFacts;
import io.gatehouse.web.audit.IssuanceAudit;
import io.gatehouse.web.config.CommittedChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import io.gatehouse.core.audit.RequestIds;

/**
 * Runs one action in one transaction: authorize, act, audit. A failure anywhere rolls back all of
 * it, so nothing is half-written and no audit event describes a change that did not happen.
 */
@ApplicationScoped
public class ActionRunner {

    @Inject
    IamServices services;

    @Inject
    Authorizer authorizer;

    @Inject
    AuditLog auditLog;

    @Inject
    Clock clock;

    @Inject
    CommittedChanges committedChanges;

    @Inject
    IssuanceAudit issuanceAudit;

    @Transactional
    public String run(String service, String namespace, IamAction action, Caller caller, QueryParameters params,
                      RequestInfo request) {
        RequestFacts facts = new RequestFacts(request.sourceIp(), request.secureTransport(), clock.instant(),
                request.region());
        ActionContext context = new ActionContext(caller, params, services, facts);
        if (action.kind() == IamAction.Kind.CHANGING) {
            committedChanges.changing(caller.account());
        }
        if (action.authorizedByRunner()) {
            Arn resource = action.resource().resolve(context);
            authorizer.authorize(caller, service + ":" + action.name(), resource, facts);
        }

        XmlWriter result = new XmlWriter();
        action.handler().handle(context, result);
        if (action.kind() != IamAction.Kind.READING) {
            Instant now = clock.instant();
            AuditEvent event = new AuditEvent(RequestIds.timeOrdered(now), caller.account(), now,
                    caller.arn().toString(), action.name(), request.sourceIp(), request.requestId(),
                    Redaction.redact(auditedParameters(params)), "Success");
            if (action.kind() == IamAction.Kind.CHANGING) {
                auditLog.record(event);
            } else {
                issuanceAudit.record(event);
            }
        }
        return envelope(action, namespace, result, request);
    }

    /** An unsigned action ({@link IamAction#anonymous}): no caller to authorize; audited for whom it acted. */
    @Transactional
    public String runUnsigned(IamAction action, String namespace, QueryParameters params, RequestInfo request) {
        RequestFacts facts = new RequestFacts(request.sourceIp(), request.secureTransport(), clock.instant(),
                request.region());
        XmlWriter result = new XmlWriter();
        IamAction.Audited audited = action.unsigned().orElseThrow().handle(params, facts, result);
        Instant now = clock.instant();
        issuanceAudit.record(new AuditEvent(RequestIds.timeOrdered(now), audited.account(), now,
                audited.principalArn(), action.name(), request.sourceIp(), request.requestId(),
                Redaction.redact(auditedParameters(params)), "Success"));
        return envelope(action, namespace, result, request);
    }

    private static String envelope(IamAction action, String namespace, XmlWriter result, RequestInfo request) {
        XmlWriter response = new XmlWriter().startWithNamespace(action.name() + "Response", namespace);
        if (!result.isEmpty()) {
            response.start(action.name() + "Result").fragment(result).end();
        }
        return response.start("ResponseMetadata").element("RequestId", request.requestId()).end().end().finish();
    }

    /** Action and Version are in the event already; the signature parameters say nothing useful. */
    private static Map<String, String> auditedParameters(QueryParameters params) {
        Map<String, String> kept = new LinkedHashMap<>(params.asMap());
        kept.remove("Action");
        kept.remove("Version");
        kept.keySet().removeIf(name -> name.startsWith("X-Amz-"));
        return kept;
    }
}
