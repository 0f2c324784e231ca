package io.gatehouse.core.policy.eval;

import static io.gatehouse.core.policy.PolicyJson.allow;
import static io.gatehouse.core.policy.PolicyJson.deny;
import static io.gatehouse.core.policy.PolicyJson.policy;
import static io.gatehouse.core.policy.eval.Fixtures.identity;
import static io.gatehouse.core.policy.eval.Fixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Compile once, evaluate many: no allocation beyond the result, and no shared mutable state. */
class HotPathTest {
    private static final PolicyEvaluator EVALUATOR = new PolicyEvaluator();

    private static PolicySet policies() {
        PolicySet.Builder set = PolicySet.builder();
        for (int p = 0; p < 10; p++) {
            var doc = policy();
            for (int s = 0; s < 10; s++) {
                doc.with(allow("svc" + p + s + ":Get*").resource("arn:aws:svc" + p + s + ":*:*:thing/*")
                        .condition("StringEquals", "aws:PrincipalTag/team", "blue"));
            }
            set.identityPolicy(identity("p" + p, doc.with(deny("s3:Delete*"))));
        }
        return set.build();
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void aDecisionWhereNothingAppliesAllocatesNothing() {
        PolicySet set = policies();
        RequestContext r = request("svc42:GetThing", "arn:aws:svc42:us-east-1:111122223333:other/x");
        for (int i = 0; i < 20_000; i++) {
            EVALUATOR.decide(r, set);
        }
        long before = allocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            EVALUATOR.decide(r, set);
        }
        long perDecision = (allocatedBytes() - before) / 10_000;
        assertEquals(0, perDecision);
    }

    @Test
    void anAllowedDecisionAllocatesOnlyItsResult() {
        PolicySet set = policies();
        RequestContext r = Fixtures.aliceRequest("svc42:GetThing", "arn:aws:svc42:us-east-1:111122223333:thing/x")
                .key("aws:PrincipalTag/team", "blue").build();
        for (int i = 0; i < 20_000; i++) {
            EVALUATOR.decide(r, set);
        }
        long before = allocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            EVALUATOR.decide(r, set);
        }
        long perDecision = (allocatedBytes() - before) / 10_000;
        // Decision + matched-statement list + its 4-slot array.
        assertTrue(perDecision <= 128, "bytes per decision: " + perDecision);
    }

    @Test
    void concurrentDecisionsOnOnePolicySetAgree() throws Exception {
        PolicySet set = policies();
        List<RequestContext> requests = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            requests.add(Fixtures.aliceRequest("svc" + (i % 100) + ":Get" + (i % 7),
                    "arn:aws:svc" + (i % 100) + ":us-east-1:111122223333:thing/" + i)
                    .key("aws:PrincipalTag/team", i % 3 == 0 ? "red" : "blue").build());
        }
        List<Decision> expected = requests.stream().map(r -> EVALUATOR.decide(r, policies())).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Decision>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> requests.stream().map(r -> EVALUATOR.decide(r, set)).toList()));
            }
            for (Future<List<Decision>> f : results) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
