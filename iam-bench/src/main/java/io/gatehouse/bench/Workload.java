package io.gatehouse.bench;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationResponse;
import io.gatehouse.core.policy.PolicyDocument;
import io.gatehouse.core.policy.eval.CompiledPolicy;
import io.gatehouse.core.policy.eval.Outcome;
import io.gatehouse.core.policy.eval.PolicyEvaluator;
import io.gatehouse.core.policy.eval.PolicySet;
import io.gatehouse.core.policy.eval.PolicyType;
import io.gatehouse.core.policy.eval.RequestContext;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A workload made ready for every engine: the compiled policy set, the documents for the baseline,
 * and a request mix of 20 with 10 allowed, 2 explicitly denied and 8 implicitly denied (when the
 * workload can produce such outcomes), chosen by Gatehouse's own decisions.
 */
final class Workload {
    static final int REQUESTS = 20;

    final WorkloadSpec spec;
    final PolicySet policySet;
    final StraightforwardEvaluator baseline;
    final List<Probe> probes;
    final RequestContext[] requests;
    final Map<Outcome, Integer> mix = new EnumMap<>(Outcome.class);

    Workload(String name) {
        spec = WorkloadSpec.named(name);
        PolicySet.Builder set = PolicySet.builder();
        List<PolicyDocument> documents = new ArrayList<>();
        for (int i = 0; i < spec.policies().size(); i++) {
            CompiledPolicy p = CompiledPolicy.parse(name + "-policy" + i, PolicyType.IDENTITY,
                    Translations.iamJson(spec.policies().get(i)));
            set.identityPolicy(p);
            documents.add(p.document());
        }
        policySet = set.build();
        baseline = new StraightforwardEvaluator(documents);
        probes = select();
        requests = probes.stream().map(Translations::gatehouseRequest).toArray(RequestContext[]::new);
        for (RequestContext r : requests) {
            mix.merge(outcome(r), 1, Integer::sum);
        }
    }

    private Outcome outcome(RequestContext r) {
        return new PolicyEvaluator().decide(r, policySet).outcome();
    }

    private List<Probe> select() {
        Map<Outcome, Integer> want = new EnumMap<>(Map.of(Outcome.ALLOWED, 10, Outcome.EXPLICIT_DENY, 2,
                Outcome.IMPLICIT_DENY, 8));
        List<Probe> chosen = new ArrayList<>();
        List<Probe> spare = new ArrayList<>();
        for (Probe p : spec.candidates()) {
            Outcome o = outcome(Translations.gatehouseRequest(p));
            if (want.get(o) > 0) {
                want.merge(o, -1, Integer::sum);
                chosen.add(p);
            } else if (o != Outcome.ALLOWED) {
                spare.add(p);
            }
        }
        for (int i = 0; chosen.size() < REQUESTS && i < spare.size(); i++) {
            chosen.add(spare.get(i)); // a workload without denies fills up with implicit denies
        }
        java.util.Collections.shuffle(chosen, new java.util.Random(7));
        return chosen;
    }

    /** How many requests Cedar and the baseline decide differently from Gatehouse (expected: 0). */
    int disagreements(BasicAuthorizationEngine cedar, com.cedarpolicy.model.policy.PolicySet cedarPolicies) {
        int n = 0;
        for (int i = 0; i < requests.length; i++) {
            boolean ours = outcome(requests[i]) == Outcome.ALLOWED;
            if ((baseline.decide(requests[i]) == Outcome.ALLOWED) != ours) {
                n++;
            }
            if (cedarPolicies != null) {
                try {
                    AuthorizationResponse r = cedar.isAuthorized(Translations.cedarRequest(probes.get(i)),
                            cedarPolicies, java.util.Set.of());
                    if (r.success.orElseThrow().isAllowed() != ours) {
                        n++;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return n;
    }
}
