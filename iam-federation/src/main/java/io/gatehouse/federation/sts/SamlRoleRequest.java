package io.gatehouse.federation.sts;

import io.gatehouse.core.sts.AssumeRoleRequest.SessionPolicies;

import java.util.Objects;
import java.util.Optional;

/** The parameters of {@code AssumeRoleWithSAML}, as sent. */
public record SamlRoleRequest(String samlAssertion, String roleArn, String principalArn, SessionPolicies policies,
                              Optional<Integer> durationSeconds) {

    public SamlRoleRequest {
        Objects.requireNonNull(samlAssertion, "samlAssertion");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(principalArn, "principalArn");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(durationSeconds, "durationSeconds");
    }
}
