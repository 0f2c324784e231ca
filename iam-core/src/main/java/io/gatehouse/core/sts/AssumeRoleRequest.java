package io.gatehouse.core.sts;

import io.gatehouse.core.identity.Tag;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The parameters of {@code AssumeRole}, as sent; {@code SecurityTokenService} validates them. */
public record AssumeRoleRequest(String roleArn, String roleSessionName, Optional<Integer> durationSeconds,
                                SessionPolicies policies, List<Tag> tags, List<String> transitiveTagKeys,
                                Optional<String> externalId, Optional<MfaCode> mfa, Optional<String> sourceIdentity) {

    public AssumeRoleRequest {
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(roleSessionName, "roleSessionName");
        Objects.requireNonNull(durationSeconds, "durationSeconds");
        Objects.requireNonNull(policies, "policies");
        tags = List.copyOf(tags);
        transitiveTagKeys = List.copyOf(transitiveTagKeys);
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(mfa, "mfa");
        Objects.requireNonNull(sourceIdentity, "sourceIdentity");
    }

    /** A virtual MFA device's serial number and the one-time code it shows now. */
    public record MfaCode(String serialNumber, String tokenCode) {
        public MfaCode {
            Objects.requireNonNull(serialNumber, "serialNumber");
            Objects.requireNonNull(tokenCode, "tokenCode");
        }
    }

    /** The inline session policy and managed session policy ARNs that narrow a session. */
    public record SessionPolicies(Optional<String> policy, List<String> policyArns) {
        public static final SessionPolicies NONE = new SessionPolicies(Optional.empty(), List.of());

        public SessionPolicies {
            Objects.requireNonNull(policy, "policy");
            policyArns = List.copyOf(policyArns);
        }
    }
}
