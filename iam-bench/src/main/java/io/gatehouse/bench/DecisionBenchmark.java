package io.gatehouse.bench;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.AuthorizationResponse;
import com.cedarpolicy.model.policy.PolicySet;
import io.gatehouse.core.policy.eval.Decision;
import io.gatehouse.core.policy.eval.Outcome;
import io.gatehouse.core.policy.eval.PolicyEvaluator;
import io.gatehouse.core.policy.eval.RequestContext;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One decision per invocation, cycling through the workload's 20 requests, for three engines:
 * Gatehouse's evaluator, the straightforward baseline, and Cedar (through cedar-java's JNI binding).
 * Policies are compiled and requests built in setup, as a server would cache them.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecisionBenchmark {

    @Param({"W1", "W2", "W3", "W4", "W5"})
    public String workload;

    private Workload w;
    private final PolicyEvaluator evaluator = new PolicyEvaluator();
    private BasicAuthorizationEngine cedar;
    private PolicySet cedarPolicies;
    private AuthorizationRequest[] cedarRequests;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        w = new Workload(workload);
        try {
            cedar = new BasicAuthorizationEngine();
            cedarPolicies = PolicySet.parsePolicies(Translations.cedar(w.spec.policies()));
            cedarPolicies.cache();
            cedarRequests = w.probes.stream().map(Translations::cedarRequest).toArray(AuthorizationRequest[]::new);
        } catch (Throwable e) {
            System.err.println("Cedar unavailable, its benchmarks will fail: " + e);
            cedarPolicies = null;
        }
        System.err.printf("%n%s: %d statements, request mix %s, disagreements with Gatehouse: %d%n",
                workload, w.spec.statementCount(), w.mix, w.disagreements(cedar, cedarPolicies));
    }

    private int nextIndex() {
        int i = next;
        next = i + 1 == Workload.REQUESTS ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public Decision gatehouse() {
        return evaluator.decide(w.requests[nextIndex()], w.policySet);
    }

    @Benchmark
    public Outcome straightforward() {
        RequestContext r = w.requests[nextIndex()];
        return w.baseline.decide(r);
    }

    @Benchmark
    public AuthorizationResponse cedar() throws Exception {
        return cedar.isAuthorized(cedarRequests[nextIndex()], cedarPolicies, Set.of());
    }
}
