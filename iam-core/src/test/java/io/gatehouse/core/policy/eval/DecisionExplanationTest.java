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
        Decision d = decide(request("s3:GetObject", "*"), policy().with(allow("ec2:*")));
        assertTrue(d.matchedStatements().isEmpty());
        assertEquals("IMPLICIT_DENY: no identity-based or resource-based policy allows it (no statement applied)",
                d.explanation());
    }

    @Test
    void explainsAnExplicitDeny() {
        Decision d = decide(request("s3:GetObject", "*"), policy().with(deny("s3:*").sid("Stop")));
        assertEquals("EXPLICIT_DENY: a statement explicitly denies it (Deny by policy0 statement Stop)",
                d.explanation());
    }
}
