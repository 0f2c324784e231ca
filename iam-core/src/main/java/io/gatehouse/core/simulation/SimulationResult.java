package io.gatehouse.core.simulation;

import io.gatehouse.core.policy.eval.Outcome;
import io.gatehouse.core.policy.json.Position;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One action on one resource, as AWS's EvaluationResult reports it.
 *
 * @param allowedByBoundary present when boundaries took part: whether they allow the request
 * @param decisionDetails   the decision of each kind of policy that took part, e.g. resource-based
 */
public record SimulationResult(String action, String resource, Outcome decision, List<MatchedSource> matched,
                               List<String> missingContextValues, Optional<Boolean> allowedByBoundary,
                               Map<String, Outcome> decisionDetails) {

    public SimulationResult {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(decision, "decision");
        matched = List.copyOf(matched);
        missingContextValues = List.copyOf(missingContextValues);
        Objects.requireNonNull(allowedByBoundary, "allowedByBoundary");
        decisionDetails = Map.copyOf(decisionDetails);
    }

    /** A statement that applied: its policy (AWS's SourcePolicyId and SourcePolicyType) and its place. */
    public record MatchedSource(String sourcePolicyId, String sourcePolicyType, Position start, Position end) {
    }
}
