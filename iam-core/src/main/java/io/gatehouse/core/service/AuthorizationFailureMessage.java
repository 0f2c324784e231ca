package io.gatehouse.core.service;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.gatehouse.core.policy.eval.Decision;
import io.gatehouse.core.policy.eval.MatchedStatement;
import io.gatehouse.core.policy.eval.Outcome;
import io.gatehouse.core.policy.eval.RequestContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The decoded form of an authorization failure message, in AWS's JSON shape: allowed,
 * explicitDeny, matchedStatements, failures and the context (principal, action, resource and the
 * request's condition keys) the decision was made in.
 */
final class AuthorizationFailureMessage {

    private AuthorizationFailureMessage() {
    }

    static String json(Caller caller, Decision decision, RequestContext context) {
        Map<String, Object> principal = new LinkedHashMap<>();
        principal.put("id", caller.principalId());
        principal.put("arn", caller.arn().toString());
        List<Object> statements = new ArrayList<>();
        for (MatchedStatement statement : decision.matchedStatements()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("statementId", statement.statementLabel());
            item.put("effect", statement.effect().jsonName().toUpperCase(java.util.Locale.ROOT));
            item.put("policy", statement.policyName());
            item.put("policyType", statement.policyType().name());
            statements.add(item);
        }
        List<Object> conditions = new ArrayList<>();
        new TreeMap<>(context.keys()).forEach((key, values) -> conditions.add(Map.of("key", key,
                "values", items(values.stream().<Object>map(value -> Map.of("value", value)).toList()))));
        Map<String, Object> requestContext = new LinkedHashMap<>();
        requestContext.put("principal", principal);
        requestContext.put("action", context.action());
        requestContext.put("resource", context.resource());
        requestContext.put("conditions", items(conditions));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("allowed", decision.isAllowed());
        message.put("explicitDeny", decision.outcome() == Outcome.EXPLICIT_DENY);
        message.put("matchedStatements", items(statements));
        message.put("failures", items(List.of()));
        message.put("context", requestContext);
        return JSONObjectUtils.toJSONString(message);
    }

    private static Map<String, Object> items(List<Object> items) {
        return Map.of("items", items);
    }
}
