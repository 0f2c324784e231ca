package io.gatehouse.core.policy.eval;

import static io.gatehouse.core.policy.PolicyJson.allow;
import static io.gatehouse.core.policy.PolicyJson.deny;
import static io.gatehouse.core.policy.PolicyJson.policy;
import static io.gatehouse.core.policy.eval.Fixtures.decide;
import static io.gatehouse.core.policy.eval.Fixtures.identity;
import static io.gatehouse.core.policy.eval.Fixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.core.policy.Effect;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DecisionExplanationTest {

    @Test
    void namesEveryStatementThatAppliedInPolicyOrder() {
        // The simulator reports each matching statement, allows and denies alike.
        PolicySet set = PolicySet.builder()
                .identityPolicy(identity("Admins", policy().with(allow("s3:*").sid("S3All")).with(allow("ec2:*"))
                        .with(allow("s3:Get*"))))
                .identityPolicy(identity("Guard", policy().with(deny("s3:GetObject").sid("NoGets")))).build();
        Decision d = decide(request("s3:GetObject", "arn:aws:s3:::b/k"), set);
        assertEquals(List.of(
                new MatchedStatement("Admins", PolicyType.IDENTITY, Optional.of("S3All"), 0, Effect.ALLOW),
                new MatchedStatement("Admins", PolicyType.IDENTITY, Optional.empty(), 2, Effect.ALLOW),
                new MatchedStatement("Guard", PolicyType.IDENTITY, Optional.of("NoGets"), 0, Effect.DENY)),
                d.matchedStatements());
        assertEquals("#2", d.matchedStatements().get(1).statementLabel());
    }

    @Test
    void saysWhenNothingApplied() {
        // An implicit deny with no applicable statement says so instead of naming a statement.
        Decision d = decide(request("s3:GetObject", "*"), policy().with(allow("ec2:*")));
        assertTrue(d.matchedStatements().isEmpty());
        assertEquals("IMPLICIT_DENY: no identity-based or resource-based policy allows it (no statement applied)",
                d.explanation());
    }

    @Test
    void explainsAnExplicitDeny() {
        // An explicit deny names the policy and the statement (Sid) that denied.
        Decision d = decide(request("s3:GetObject", "*"), policy().with(deny("s3:*").sid("Stop")));
        assertEquals("EXPLICIT_DENY: a statement explicitly denies it (Deny by policy0 statement Stop)",
                d.explanation());
    }

    @Test
    void writesAnAccessDeniedMessageNamingTheMissingAllow() {
        // AccessDenied says which kind of policy failed to allow the action.
        Decision d = decide(request("s3:GetObject", "arn:aws:s3:::b/k"), policy().with(allow("ec2:*")));
        assertEquals("User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:GetObject on "
                + "resource: arn:aws:s3:::b/k because no identity-based policy allows the s3:GetObject action",
                d.accessDeniedMessage(Fixtures.ALICE_ARN, "s3:GetObject", "arn:aws:s3:::b/k"));
    }

    @Test
    void writesAnAccessDeniedMessageNamingWhereTheDenyCameFrom() {
        // AccessDenied for an explicit deny names the kind of policy that denied.
        PolicySet set = PolicySet.builder().resourcePolicy(Fixtures.resource("BucketPolicy",
                policy().with(deny("s3:*").principal("*")))).build();
        Decision d = decide(request("s3:GetObject", "arn:aws:s3:::b/k"), set);
        assertTrue(d.accessDeniedMessage(Fixtures.ALICE_ARN, "s3:GetObject", "arn:aws:s3:::b/k")
                .endsWith("with an explicit deny in a resource-based policy"));
    }
}
