package io.gatehouse.bench;

import io.gatehouse.core.policy.ActionElement;
import io.gatehouse.core.policy.Condition;
import io.gatehouse.core.policy.ConditionValues;
import io.gatehouse.core.policy.Effect;
import io.gatehouse.core.policy.IpRange;
import io.gatehouse.core.policy.PolicyDocument;
import io.gatehouse.core.policy.ResourceElement;
import io.gatehouse.core.policy.Statement;
import io.gatehouse.core.policy.eval.Outcome;
import io.gatehouse.core.policy.eval.RequestContext;
import java.util.List;
import java.util.Locale;

/**
 * The baseline any engine must beat: a plain loop over every statement of every policy, matching
 * patterns with a recursive glob and reading condition values afresh on each request. It supports
 * just what the workloads use (identity policies, four condition operators).
 */
final class StraightforwardEvaluator {
    private final List<PolicyDocument> policies;

    StraightforwardEvaluator(List<PolicyDocument> policies) {
        this.policies = policies;
    }

    Outcome decide(RequestContext request) {
        boolean allowed = false;
        for (PolicyDocument policy : policies) {
            for (Statement s : policy.statements()) {
                if (applies(s, request)) {
                    if (s.effect() == Effect.DENY) {
                        return Outcome.EXPLICIT_DENY;
                    }
                    allowed = true;
                }
            }
        }
        return allowed ? Outcome.ALLOWED : Outcome.IMPLICIT_DENY;
    }

    private static boolean applies(Statement s, RequestContext r) {
        String action = r.action().toLowerCase(Locale.ROOT);
        boolean actionListed = s.action().patterns().stream().anyMatch(p -> glob(p.toLowerCase(Locale.ROOT), 0, action, 0));
        if (actionListed == s.action() instanceof ActionElement.NotAction) {
            return false;
        }
        ResourceElement res = s.resource().orElseThrow();
        boolean resourceListed = res.patterns().stream().anyMatch(p -> glob(p, 0, r.resource(), 0));
        if (resourceListed == res instanceof ResourceElement.NotResource) {
            return false;
        }
        return s.conditions().stream().allMatch(c -> holds(c, r));
    }

    private static boolean holds(Condition c, RequestContext r) {
        List<String> values = r.values(c.key());
        if (values.isEmpty()) {
            return false;
        }
        String v = values.get(0);
        return switch (c.operator().type()) {
            case STRING_EQUALS -> c.values().contains(v);
            case BOOL -> c.values().stream().anyMatch(v::equalsIgnoreCase);
            case IP_ADDRESS -> c.values().stream().anyMatch(cidr ->
                    IpRange.parse(cidr).orElseThrow().contains(IpRange.parseAddress(v)));
            case DATE_LESS_THAN -> c.values().stream().anyMatch(d ->
                    ConditionValues.dateMillis(v) < ConditionValues.dateMillis(d));
            default -> throw new UnsupportedOperationException(c.operator().jsonName());
        };
    }

    /** Recursive wildcard matching: * any run, ? one character. */
    private static boolean glob(String p, int pi, String t, int ti) {
        if (pi == p.length()) {
            return ti == t.length();
        }
        char c = p.charAt(pi);
        if (c == '*') {
            for (int k = ti; k <= t.length(); k++) {
                if (glob(p, pi + 1, t, k)) {
                    return true;
                }
            }
            return false;
        }
        return ti < t.length() && (c == '?' || c == t.charAt(ti)) && glob(p, pi + 1, t, ti + 1);
    }
}
