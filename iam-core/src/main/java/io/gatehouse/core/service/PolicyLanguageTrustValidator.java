package io.gatehouse.core.service;

import io.gatehouse.core.error.IamException;
import io.gatehouse.core.policy.PolicyKind;
import io.gatehouse.core.policy.PolicyParser;

/**
 * A role's trust policy, checked by the policy language itself as a {@link PolicyKind#TRUST}
 * document: every statement names a principal and no resource (the role is the resource), with
 * the parser's line and column in any complaint. The size quota is checked first, as AWS does,
 * and answered as AWS answers it: LimitExceeded on ACLSizePerRole.
 */
public final class PolicyLanguageTrustValidator implements TrustPolicyValidator {

    @Override
    public void validate(String document) {
        long counted = document.chars().filter(c -> !Character.isWhitespace(c)).count();
        if (counted > Quotas.TRUST_POLICY_SIZE) {
            throw IamException.limitExceeded("Cannot exceed quota for ACLSizePerRole: " + Quotas.TRUST_POLICY_SIZE);
        }
        PolicyParser.parse(document, PolicyKind.TRUST);
    }
}
