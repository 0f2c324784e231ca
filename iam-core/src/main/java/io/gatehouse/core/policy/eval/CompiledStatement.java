package io.gatehouse.core.policy.eval;

import io.gatehouse.core.policy.ActionElement;
import io.gatehouse.core.policy.Condition;
import io.gatehouse.core.policy.Effect;
import io.gatehouse.core.policy.ResourceElement;
import io.gatehouse.core.policy.Statement;
import java.util.List;
import java.util.Locale;

/** A statement compiled for evaluation: wildcard patterns, typed conditions, and its explanation. */
final class CompiledStatement {
    final Statement source;
    final boolean deny;
    final MatchedStatement explanation;
    private final boolean notAction;
    /** Lower-cased compiled action patterns. */
    final String[] actions;
    private final boolean notResource;
    /** {@code null} when the statement has no resource element (a trust policy's statements). */
    private final Template[] resources;
    /** {@code null} when the statement names no principal (identity-based policies). */
    private final PrincipalMatcher principal;
    private final CompiledCondition[] conditions;

    CompiledStatement(Statement statement, String policyName, PolicyType type, boolean variables) {
        this.source = statement;
        this.deny = statement.effect() == Effect.DENY;
        this.explanation = new MatchedStatement(policyName, type, statement.sid(), statement.index(),
                statement.effect());
        this.notAction = statement.action() instanceof ActionElement.NotAction;
        this.actions = statement.action().patterns().stream()
                .map(a -> Glob.compile(a.toLowerCase(Locale.ROOT))).toArray(String[]::new);
        this.notResource = statement.resource().map(r -> r instanceof ResourceElement.NotResource).orElse(false);
        this.resources = statement.resource()
                .map(r -> r.patterns().stream().map(p -> Template.compile(p, variables, true))
                        .toArray(Template[]::new))
                .orElse(null);
        this.principal = statement.principal().map(PrincipalMatcher::compile).orElse(null);
        List<Condition> cs = statement.conditions();
        this.conditions = cs.stream().map(c -> CompiledCondition.compile(c, variables))
                .toArray(CompiledCondition[]::new);
    }

    boolean usesNotAction() {
        return notAction;
    }

    /**
     * How this statement applies to the request: {@link PrincipalMatch#NONE} when it does not,
     * otherwise how specifically it names the caller ({@link PrincipalMatch#EXACT} for statements
     * without a principal, which apply to whoever the policy is attached to).
     */
    PrincipalMatch applies(RequestContext request) {
        if (!actionMatches(request.actionKey()) || !resourceMatches(request)) {
            return PrincipalMatch.NONE;
        }
        PrincipalMatch who = principal == null ? PrincipalMatch.EXACT : principal.match(request.principal());
        if (who == PrincipalMatch.NONE) {
            return who;
        }
        for (CompiledCondition c : conditions) {
            if (!c.test(request)) {
                return PrincipalMatch.NONE;
            }
        }
        return who;
    }

    private boolean actionMatches(String action) {
        boolean listed = false;
        for (String pattern : actions) {
            if (Glob.matches(pattern, action)) {
                listed = true;
                break;
            }
        }
        return listed != notAction;
    }

    private boolean resourceMatches(RequestContext request) {
        if (resources == null) {
            return true;
        }
        String resource = request.resource();
        boolean listed = false;
        for (Template t : resources) {
            String pattern = t.resolve(request);
            if (pattern != null && Glob.matchesArn(pattern, resource)) {
                listed = true;
                break;
            }
        }
        return listed != notResource;
    }
}
