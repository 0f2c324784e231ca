package io.gatehouse.core.policy.eval;

import java.util.ArrayList;
import java.util.Collections;
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
    private static final int DENY = 1;
    private static final int ALLOW = 2;
    private static final int STRENGTH_SHIFT = 4;
    private static final PrincipalMatch[] MATCHES = PrincipalMatch.values();

    private static final Decision NOTHING_APPLIED = new Decision(Outcome.IMPLICIT_DENY,
            Basis.NO_IDENTITY_OR_RESOURCE_POLICY_ALLOWS, List.of());

    public Decision decide(AuthorizationRequest request) {
        return decide(request.context(), request.policies());
    }

    public Decision decide(RequestContext request, PolicySet policies) {
        ArrayList<MatchedStatement> matched = new ArrayList<>();
        int identity = scan(policies.identity, request, matched);
        int resource = scan(policies.resource, request, matched);
        int boundary = scan(policies.boundary, request, matched);
        int session = scan(policies.session, request, matched);
        List<MatchedStatement> reasons = matched.isEmpty() ? List.of() : Collections.unmodifiableList(matched);
        if (((identity | resource | boundary | session) & DENY) != 0) {
            return new Decision(Outcome.EXPLICIT_DENY, Basis.EXPLICIT_DENY, reasons);
        }
        Basis basis = allowBasis(request, policies, identity, resource, boundary, session);
        if (basis.ordinal() <= Basis.IDENTITY_AND_RESOURCE_POLICY.ordinal()) {
            return new Decision(Outcome.ALLOWED, basis, reasons);
        }
        if (reasons.isEmpty() && basis == Basis.NO_IDENTITY_OR_RESOURCE_POLICY_ALLOWS) {
            return NOTHING_APPLIED;
        }
        return new Decision(Outcome.IMPLICIT_DENY, basis, reasons);
    }

    /** The allowing basis, or the implicit-deny basis that names what is missing. */
    private static Basis allowBasis(RequestContext request, PolicySet policies, int identity, int resource,
                                    int boundary, int session) {
        RequestPrincipal caller = request.principal();
        PrincipalMatch named = strength(resource);
        if (!hasIdentityPolicies(caller.kind())) {
            return named.ordinal() > PrincipalMatch.ACCOUNT.ordinal()
                    ? Basis.RESOURCE_POLICY : Basis.NO_RESOURCE_POLICY_ALLOWS;
        }
        boolean identityAllows = caller.isRoot() || (identity & ALLOW) != 0;
        boolean boundaryAllows = policies.boundary.isEmpty() || (boundary & ALLOW) != 0;
        boolean sessionAllows = policies.session.isEmpty() || (session & ALLOW) != 0;
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

    /** Evaluates the candidate statements of one policy type; returns DENY/ALLOW bits and allow strength. */
    private static int scan(StatementIndex index, RequestContext request, ArrayList<MatchedStatement> matched) {
        int flags = 0;
        int strongest = 0;
        for (CompiledStatement s : index.candidates(request)) {
            PrincipalMatch applies = s.applies(request);
            if (applies == PrincipalMatch.NONE) {
                continue;
            }
            matched.add(s.explanation);
            if (s.deny) {
                flags |= DENY;
            } else {
                flags |= ALLOW;
                strongest = Math.max(strongest, applies.ordinal());
            }
        }
        return flags | (strongest << STRENGTH_SHIFT);
    }

    private static PrincipalMatch strength(int flags) {
        return (flags & ALLOW) == 0 ? PrincipalMatch.NONE : MATCHES[flags >>> STRENGTH_SHIFT];
    }
}
