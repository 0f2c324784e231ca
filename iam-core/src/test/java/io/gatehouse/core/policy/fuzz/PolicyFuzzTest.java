package io.gatehouse.core.policy.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.policy.PolicyKind;
import io.gatehouse.core.policy.PolicyParser;
import io.gatehouse.core.policy.eval.CompiledPolicy;
import io.gatehouse.core.policy.eval.Decision;
import io.gatehouse.core.policy.eval.PolicyEvaluator;
import io.gatehouse.core.policy.eval.PolicySet;
import io.gatehouse.core.policy.eval.PolicyType;
import io.gatehouse.core.policy.eval.RequestContext;
import io.gatehouse.core.policy.eval.RequestPrincipal;
import java.util.Objects;

/**
 * The parser and evaluator's contract under arbitrary input: a decision or a
 * {@code MalformedPolicyDocument}, never any other exception. {@code mvn verify} replays the seeds
 * in {@code src/test/resources/.../PolicyFuzzTestInputs}; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class PolicyFuzzTest {
    private static final PolicyEvaluator EVALUATOR = new PolicyEvaluator();
    private static final PolicyKind[] KINDS = PolicyKind.values();

    @FuzzTest(maxDuration = "30s")
    void parsesAndDecidesOrRejects(FuzzedDataProvider data) {
        PolicyKind kind = KINDS[data.consumeInt(0, KINDS.length - 1)];
        String action = data.consumeString(40);
        String resource = data.consumeString(80);
        String keyValue = data.consumeString(40);
        String json = data.consumeRemainingAsString();
        CompiledPolicy policy;
        try {
            policy = CompiledPolicy.compile("fuzz", typeOf(kind), PolicyParser.parse(json, kind));
        } catch (IamException e) {
            if (e.code() != ErrorCode.MALFORMED_POLICY_DOCUMENT) {
                throw e;
            }
            return;
        }
        PolicySet.Builder set = PolicySet.builder();
        switch (policy.type()) {
            case RESOURCE -> set.resourcePolicy(policy);
            case PERMISSION_BOUNDARY -> set.permissionBoundary(policy);
            case SESSION -> set.sessionPolicy(policy);
            default -> set.identityPolicy(policy);
        }
        RequestContext request = RequestContext.builder()
                .principal(RequestPrincipal.user("111122223333", "arn:aws:iam::111122223333:user/fuzz"))
                .action(action).resource(resource).resourceAccount("111122223333")
                .key("aws:SourceIp", keyValue).key("aws:CurrentTime", keyValue).key("aws:username", keyValue)
                .key("s3:max-keys", keyValue).key("aws:TagKeys", keyValue, action).build();
        Decision decision = EVALUATOR.decide(request, set.build());
        Objects.requireNonNull(decision.explanation());
    }

    private static PolicyType typeOf(PolicyKind kind) {
        return switch (kind) {
            case RESOURCE, TRUST -> PolicyType.RESOURCE;
            case PERMISSION_BOUNDARY -> PolicyType.PERMISSION_BOUNDARY;
            case SESSION -> PolicyType.SESSION;
            case IDENTITY -> PolicyType.IDENTITY;
        };
    }
}
