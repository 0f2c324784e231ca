package io.gatehouse.web.query;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.audit.AuditEvent;
import io.gatehouse.core.port.AuditLog;
import io.gatehouse.core.service.Authorizer;
import io.gatehouse.core.service.Caller;
import io.gatehouse.core.service.RequestFacts;
import io.gatehouse.core.sts.SessionPrincipal;
import io.gatehouse.web.audit.IssuanceAudit;
import io.gatehouse.web.config.CommittedChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

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
            AuditEvent event = AuditEvent.success(caller.account(), clock.instant(), caller.arn().toString(),
                    action.name(), request.sourceIp(), request.requestId(), auditedParameters(params));
            if (action.kind() == IamAction.Kind.CHANGING) {
                auditLog.record(event);
            } else {
                issuanceAudit.record(event);
            }
        }
        return response(namespace, action.name(), result, request);
    }

    /**
     * Runs an action that has no caller (AWS does not sign it): it issues a session, and its audit
     * event names that session as the principal, in the account of the role it was issued for.
     */
    @Transactional
    public String runUnsigned(String namespace, UnsignedAction action, QueryParameters params, RequestInfo request) {
        RequestFacts facts = new RequestFacts(request.sourceIp(), request.secureTransport(), clock.instant(),
                request.region());
        XmlWriter result = new XmlWriter();
        SessionPrincipal issuedTo = action.handler().handle(params, facts, result);
        issuanceAudit.record(AuditEvent.success(issuedTo.account(), clock.instant(), issuedTo.arn().toString(),
                action.name(), request.sourceIp(), request.requestId(), auditedParameters(params)));
        return response(namespace, action.name(), result, request);
    }

    private static String response(String namespace, String actionName, XmlWriter result, RequestInfo request) {
        XmlWriter response = new XmlWriter().startWithNamespace(actionName + "Response", namespace);
        if (!result.isEmpty()) {
            response.start(actionName + "Result").fragment(result).end();
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
