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
    /** Per resource entry: the pre-split pattern when the entry has no variables, else {@code null}. */
    private final ArnPattern[] constantResources;
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
        this.constantResources = resources == null ? null : java.util.Arrays.stream(resources)
                .map(t -> t.isConstant() ? ArnPattern.compile(t.constant()) : null).toArray(ArnPattern[]::new);
        this.principal = statement.principal().map(PrincipalMatcher::compile).orElse(null);
        List<Condition> cs = statement.conditions();
        this.conditions = cs.stream().map(c -> CompiledCondition.compile(c, variables))
                .toArray(CompiledCondition[]::new);
    }

    /**
     * The condition keys this statement would test for the request but the request does not carry:
     * nothing when the statement does not cover the action, resource and principal, or for keys
     * whose absence the statement asks about ({@code Null}, {@code ...IfExists}). For explanations only.
     */
    List<String> missingConditionKeys(RequestContext request) {
        if (!actionMatches(request.actionKey()) || !resourceMatches(request)
                || (principal != null && principal.match(request.principal()) == PrincipalMatch.NONE)) {
            return List.of();
        }
        List<String> missing = new java.util.ArrayList<>();
        for (Condition condition : source.conditions()) {
            boolean asksAboutAbsence = condition.operator().ifExists()
                    || condition.operator().type() == io.gatehouse.core.policy.ConditionOperatorType.NULL;
            if (!asksAboutAbsence && request.values(condition.key()).isEmpty()) {
                missing.add(condition.key());
            }
        }
        return missing;
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
        if (!actionMatches(request.actionKey())) {
            return PrincipalMatch.NONE;
        }
        return appliesToAction(request);
    }

    /** As {@link #applies}, for a statement already known to cover the request's action. */
    PrincipalMatch appliesToAction(RequestContext request) {
        if (!resourceMatches(request)) {
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

    boolean actionMatches(String action) {
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
        for (int i = 0; i < resources.length && !listed; i++) {
            ArnPattern constant = constantResources[i];
            if (constant != null) {
                listed = constant.matches(resource);
            } else {
                String pattern = resources[i].resolve(request);
                listed = pattern != null && Glob.matchesArn(pattern, resource);
            }
        }
        return listed != notResource;
    }
}
