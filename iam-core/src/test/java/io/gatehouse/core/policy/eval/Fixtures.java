package io.gatehouse.core.policy.eval;

import io.gatehouse.core.policy.PolicyJson;

/** Shared accounts, principals and shortcuts for evaluator tests. */
final class Fixtures {
    static final String ACCOUNT = "111122223333";
    static final String OTHER_ACCOUNT = "444455556666";
    static final String ALICE_ARN = "arn:aws:iam::" + ACCOUNT + ":user/alice";
    static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/app/Builder";
    static final String SESSION_ARN = "arn:aws:sts::" + ACCOUNT + ":assumed-role/Builder/ci";
    static final String BUCKET = "arn:aws:s3:::reports";
    static final String OBJECT = "arn:aws:s3:::reports/2024/q1.csv";

    private static final PolicyEvaluator EVALUATOR = new PolicyEvaluator();

    private Fixtures() {
    }

    static RequestPrincipal alice() {
        return RequestPrincipal.user(ACCOUNT, ALICE_ARN);
    }

    static RequestPrincipal builderSession() {
        return RequestPrincipal.roleSession(ACCOUNT, SESSION_ARN, ROLE_ARN);
    }

    /** Alice, in her own account, with {@code aws:username} set as AWS sets it for IAM users. */
    static RequestContext.Builder aliceRequest(String action, String resource) {
        return RequestContext.builder().principal(alice()).action(action).resource(resource)
                .resourceAccount(ACCOUNT).key("aws:username", "alice").key("aws:userid", "AIDAEXAMPLEALICE000001");
    }

    static RequestContext request(String action, String resource) {
        return aliceRequest(action, resource).build();
    }

    static CompiledPolicy identity(String name, PolicyJson json) {
        return CompiledPolicy.parse(name, PolicyType.IDENTITY, json.json());
    }

    static CompiledPolicy resource(String name, PolicyJson json) {
        return CompiledPolicy.parse(name, PolicyType.RESOURCE, json.json());
    }

    static CompiledPolicy boundary(String name, PolicyJson json) {
        return CompiledPolicy.parse(name, PolicyType.PERMISSION_BOUNDARY, json.json());
    }

    static CompiledPolicy session(String name, PolicyJson json) {
        return CompiledPolicy.parse(name, PolicyType.SESSION, json.json());
    }

    static Decision decide(RequestContext request, PolicySet policies) {
        return EVALUATOR.decide(request, policies);
    }

    /** Decides with identity policies only. */
    static Decision decide(RequestContext request, PolicyJson... identityPolicies) {
        PolicySet.Builder set = PolicySet.builder();
        for (int i = 0; i < identityPolicies.length; i++) {
            set.identityPolicy(identity("policy" + i, identityPolicies[i]));
        }
        return decide(request, set.build());
    }

    static boolean allowed(RequestContext request, PolicyJson... identityPolicies) {
        return decide(request, identityPolicies).isAllowed();
    }
}
