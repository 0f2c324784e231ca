package io.gatehouse.federation.sts;

import io.gatehouse.core.sts.AssumeRoleRequest.SessionPolicies;

import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of {@code AssumeRoleWithWebIdentity}, as sent. {@code providerId} names an OAuth
 * 2.0 provider (AWS: Facebook, Amazon); OpenID Connect tokens name their issuer themselves.
 */
public record WebIdentityRoleRequest(String webIdentityToken, String roleArn, String roleSessionName,
                                     Optional<String> providerId, SessionPolicies policies,
                                     Optional<Integer> durationSeconds) {

    public WebIdentityRoleRequest {
        Objects.requireNonNull(webIdentityToken, "webIdentityToken");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(roleSessionName, "roleSessionName");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(durationSeconds, "durationSeconds");
    }
}
