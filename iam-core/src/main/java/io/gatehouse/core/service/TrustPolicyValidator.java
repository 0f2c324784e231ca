package io.gatehouse.core.service;

/**
 * Checks a role's trust policy (the resource policy saying who may assume the role) before it is
 * stored. {@link RoleService} calls it in one place for CreateRole and UpdateAssumeRolePolicy;
 * {@link PolicyLanguageTrustValidator} is the implementation.
 */
@FunctionalInterface
public interface TrustPolicyValidator {

    /**
     * @throws io.gatehouse.core.error.IamException MalformedPolicyDocument naming the problem, or
     *         LimitExceeded when the document is larger than a trust policy may be
     */
    void validate(String document);
}
