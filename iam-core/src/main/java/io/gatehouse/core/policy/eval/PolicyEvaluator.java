package io.gatehouse.core.policy.eval;

import java.util.List;

/**
 * AWS's policy evaluation logic. Stateless and thread-safe; one instance serves every request.
 * <ol>
 * <li>An explicit deny in any policy wins.</li>
 * <li>Within one account, an allow is needed from an identity-based policy or the resource-based
 *     policy, and must also be allowed by the permission boundary and the session policies when
 *     those exist. A resource-based policy that names the calling user or role session itself
 *     grants access without those limits; one that names the account only delegates to identity
 *     policies.</li>
 * <li>Across accounts, the caller's side (identity ∩ boundary ∩ session) and the resource-based
 *     policy must both allow.</li>
 * <li>The root user is allowed everything in its own account; callers without identity policies
 *     (services, web identities, anonymous) are allowed only by the resource-based policy.</li>
 * <li>Otherwise the request is implicitly denied.</li>
 * </ol>
 */
public final class PolicyEvaluator {
    private static final Decision NOTHING_APPLIED = new Decision(Outcome.IMPLICIT_DENY,
            Basis.NO_IDENTITY_OR_RESOURCE_POLICY_ALLOWS, List.of());
    private static final MatchedStatements NONE = new MatchedStatements();

    public Decision decide(AuthorizationRequest request) {
        return decide(request.context(), request.policies());
    }

    public Decision decide(RequestContext request, PolicySet policies) {
        MatchedStatements matched = scan(policies.identity, request, null);
        matched = scan(policies.resource, request, matched);
        matched = scan(policies.boundary, request, matched);
        matched = scan(policies.session, request, matched);
        MatchedStatements m = matched == null ? NONE : matched;
        List<MatchedStatement> reasons = matched == null ? List.of() : matched;
        if (m.denies != 0) {
            return new Decision(Outcome.EXPLICIT_DENY, Basis.EXPLICIT_DENY, reasons);
        }
        Basis basis = allowBasis(request, policies, m);
        if (basis.ordinal() <= Basis.IDENTITY_AND_RESOURCE_POLICY.ordinal()) {
            return new Decision(Outcome.ALLOWED, basis, reasons);
        }
        if (matched == null && basis == Basis.NO_IDENTITY_OR_RESOURCE_POLICY_ALLOWS) {
            return NOTHING_APPLIED;
        }
        return new Decision(Outcome.IMPLICIT_DENY, basis, reasons);
    }

    /**
     * The condition keys that statements covering the request reference but the request lacks,
     * in policy order without repeats: AWS's simulator reports them as MissingContextValues.
     * An explanation, never called on the request path.
     */
    public List<String> missingContextKeys(RequestContext request, PolicySet policies) {
        java.util.LinkedHashSet<String> missing = new java.util.LinkedHashSet<>();
        java.util.stream.Stream.of(policies.identityPolicies().stream(), policies.resourcePolicy().stream(),
                        policies.permissionBoundary().stream(), policies.sessionPolicies().stream())
                .flatMap(s -> s)
                .flatMap(policy -> policy.statements().stream())
                .forEach(statement -> missing.addAll(statement.missingConditionKeys(request)));
        return List.copyOf(missing);
    }

    /** The allowing basis, or the implicit-deny basis that names what is missing. */
    private static Basis allowBasis(RequestContext request, PolicySet policies, MatchedStatements m) {
        RequestPrincipal caller = request.principal();
        PrincipalMatch named = m.resourceAllowMatch;
        if (!hasIdentityPolicies(caller.kind())) {
            return named.ordinal() > PrincipalMatch.ACCOUNT.ordinal()
                    ? Basis.RESOURCE_POLICY : Basis.NO_RESOURCE_POLICY_ALLOWS;
        }
        boolean identityAllows = caller.isRoot() || m.allows(PolicyType.IDENTITY);
        boolean boundaryAllows = policies.boundary.isEmpty() || m.allows(PolicyType.PERMISSION_BOUNDARY);
        boolean sessionAllows = policies.session.isEmpty() || m.allows(PolicyType.SESSION);
        if (request.crossAccount()) {
            if (!identityAllows) {
                return Basis.NO_IDENTITY_POLICY_ALLOWS;
            }
            if (!boundaryAllows) {
                return Basis.NO_PERMISSIONS_BOUNDARY_ALLOWS;
            }
            if (!sessionAllows) {
                return Basis.NO_SESSION_POLICY_ALLOWS;
            }
            return named == PrincipalMatch.NONE ? Basis.NO_RESOURCE_POLICY_ALLOWS : Basis.IDENTITY_AND_RESOURCE_POLICY;
        }
        if (named == PrincipalMatch.EXACT && !caller.isRoot()) {
            return Basis.RESOURCE_POLICY;
        }
        boolean resourceGrants = named == PrincipalMatch.ROLE || named == PrincipalMatch.EVERYONE;
        if (!identityAllows && !resourceGrants) {
            return Basis.NO_IDENTITY_OR_RESOURCE_POLICY_ALLOWS;
        }
        if (!boundaryAllows) {
            return Basis.NO_PERMISSIONS_BOUNDARY_ALLOWS;
        }
        if (!sessionAllows) {
            return Basis.NO_SESSION_POLICY_ALLOWS;
        }
        if (caller.isRoot()) {
            return Basis.ROOT_USER;
        }
        return identityAllows ? Basis.IDENTITY_POLICY : Basis.RESOURCE_POLICY;
    }

    private static boolean hasIdentityPolicies(PrincipalKind kind) {
        return kind != PrincipalKind.SERVICE && kind != PrincipalKind.WEB_IDENTITY && kind != PrincipalKind.ANONYMOUS;
    }

    /** Evaluates the candidate statements of one policy type; the collector is created on the first match. */
    private static MatchedStatements scan(StatementIndex index, RequestContext request, MatchedStatements matched) {
        for (CompiledStatement s : index.candidates(request)) {
            PrincipalMatch applies = s.appliesToAction(request);
            if (applies == PrincipalMatch.NONE) {
                continue;
            }
            if (matched == null) {
                matched = new MatchedStatements();
            }
            matched.add(s, applies);
        }
        return matched;
    }
}
