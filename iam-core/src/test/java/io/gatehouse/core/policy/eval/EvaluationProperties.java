package io.gatehouse.core.policy.eval;

import static io.gatehouse.core.policy.eval.Fixtures.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gatehouse.core.policy.PolicyJson;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The invariants of AWS's evaluation logic over random policies and requests. */
class EvaluationProperties {
    private static final PolicyEvaluator EVALUATOR = new PolicyEvaluator();

    @Provide
    Arbitrary<PolicyJson> policies() {
        Arbitrary<PolicyJson.StatementJson> statement = Combinators.combine(
                Arbitraries.of(true, false),
                Arbitraries.of("s3:*", "s3:Get*", "*", "ec2:*", "iam:Create*", "s3:GetObject", "ec2:Run?nstances")
                        .list().ofMinSize(1).ofMaxSize(2).uniqueElements(),
                Arbitraries.of("*", "arn:aws:s3:::b/*", "arn:aws:s3:::b/k", "arn:aws:ec2:*:*:instance/*"),
                Arbitraries.of(false, true))
                .as((isAllow, actions, resource, mfa) -> {
                    String[] a = actions.toArray(String[]::new);
                    PolicyJson.StatementJson s = (isAllow ? PolicyJson.allow(a) : PolicyJson.deny(a)).resource(resource);
                    return mfa ? s.condition("Bool", "aws:MultiFactorAuthPresent", "true") : s;
                });
        return statement.list().ofMinSize(1).ofMaxSize(4).map(list -> {
            PolicyJson p = PolicyJson.policy();
            list.forEach(p::with);
            return p;
        });
    }

    @Provide
    Arbitrary<RequestContext> requests() {
        return Combinators.combine(
                Arbitraries.of("s3:GetObject", "s3:PutObject", "ec2:RunInstances", "iam:CreateUser"),
                Arbitraries.of("arn:aws:s3:::b/k", "arn:aws:s3:::c/k",
                        "arn:aws:ec2:us-east-1:" + ACCOUNT + ":instance/i-1"),
                Arbitraries.of("true", "false"))
                .as((action, resource, mfa) -> Fixtures.aliceRequest(action, resource)
                        .key("aws:MultiFactorAuthPresent", mfa).build());
    }

    private static CompiledPolicy compile(String name, PolicyType type, PolicyJson json) {
        return CompiledPolicy.parse(name, type, json.json());
    }

    private static Outcome alone(RequestContext r, PolicyJson identity) {
        return EVALUATOR.decide(r, PolicySet.builder().identityPolicy(compile("p", PolicyType.IDENTITY, identity))
                .build()).outcome();
    }

    @Property
    void anApplicableDenyAlwaysWins(@ForAll("policies") PolicyJson identity, @ForAll("requests") RequestContext r) {
        // Rule: one applicable explicit deny decides, whatever else allows.
        PolicyJson denyAll = PolicyJson.policy().with(PolicyJson.deny(r.action()).resource(r.resource()));
        PolicySet set = PolicySet.builder().identityPolicy(compile("p", PolicyType.IDENTITY, identity))
                .resourcePolicy(compile("r", PolicyType.RESOURCE, PolicyJson.policy()
                        .with(PolicyJson.allow("*").principal("*"))))
                .identityPolicy(compile("d", PolicyType.IDENTITY, denyAll)).build();
        assertEquals(Outcome.EXPLICIT_DENY, EVALUATOR.decide(r, set).outcome());
    }

    @Property
    void aBoundaryIntersectsWithIdentityPolicies(@ForAll("policies") PolicyJson identity,
                                                 @ForAll("policies") PolicyJson boundary,
                                                 @ForAll("requests") RequestContext r) {
        // Rule: with a boundary, allowed = identity allows AND boundary allows, and a deny in either wins.
        Outcome combined = EVALUATOR.decide(r, PolicySet.builder()
                .identityPolicy(compile("p", PolicyType.IDENTITY, identity))
                .permissionBoundary(compile("b", PolicyType.PERMISSION_BOUNDARY, boundary)).build()).outcome();
        Outcome i = alone(r, identity);
        Outcome b = alone(r, boundary);
        Outcome expected = i == Outcome.EXPLICIT_DENY || b == Outcome.EXPLICIT_DENY ? Outcome.EXPLICIT_DENY
                : i == Outcome.ALLOWED && b == Outcome.ALLOWED ? Outcome.ALLOWED : Outcome.IMPLICIT_DENY;
        assertEquals(expected, combined);
    }

    @Property
    void sessionPoliciesIntersectWithIdentityPolicies(@ForAll("policies") PolicyJson identity,
                                                      @ForAll("policies") PolicyJson session,
                                                      @ForAll("requests") RequestContext r) {
        Outcome combined = EVALUATOR.decide(r, PolicySet.builder()
                .identityPolicy(compile("p", PolicyType.IDENTITY, identity))
                .sessionPolicy(compile("s", PolicyType.SESSION, session)).build()).outcome();
        boolean bothAllow = alone(r, identity) == Outcome.ALLOWED && alone(r, session) == Outcome.ALLOWED;
        assertEquals(bothAllow, combined == Outcome.ALLOWED);
    }

    @Property
    void addingAnAllowOnlyPolicyNeverRemovesAccess(@ForAll("policies") PolicyJson identity,
                                                   @ForAll("requests") RequestContext r) {
        // Rule: allows only add up; an allow can never turn an allowed request into a denied one.
        List<CompiledPolicy> base = List.of(compile("p", PolicyType.IDENTITY, identity));
        Outcome before = EVALUATOR.decide(r, PolicySet.builder().identityPolicies(base).build()).outcome();
        Outcome after = EVALUATOR.decide(r, PolicySet.builder().identityPolicies(base)
                .identityPolicy(compile("extra", PolicyType.IDENTITY,
                        PolicyJson.policy().with(PolicyJson.allow("s3:*")))).build()).outcome();
        if (before == Outcome.ALLOWED) {
            assertEquals(Outcome.ALLOWED, after);
        }
    }

    @Property
    void theIndexNeverChangesTheDecision(@ForAll("policies") PolicyJson a, @ForAll("policies") PolicyJson b,
                                         @ForAll("requests") RequestContext r) {
        // The service/action index must select a superset of the statements that apply: compare with
        // each statement evaluated in a policy of its own.
        PolicySet together = PolicySet.builder().identityPolicy(compile("a", PolicyType.IDENTITY, a))
                .identityPolicy(compile("b", PolicyType.IDENTITY, b)).build();
        Outcome oa = alone(r, a);
        Outcome ob = alone(r, b);
        Outcome expected = oa == Outcome.EXPLICIT_DENY || ob == Outcome.EXPLICIT_DENY ? Outcome.EXPLICIT_DENY
                : oa == Outcome.ALLOWED || ob == Outcome.ALLOWED ? Outcome.ALLOWED : Outcome.IMPLICIT_DENY;
        assertEquals(expected, EVALUATOR.decide(r, together).outcome());
    }
}
