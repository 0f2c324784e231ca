package io.gatehouse.core.sts;

import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.sts.AssumeRoleRequest.SessionPolicies;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A role session asked for by an identity provider's user (AssumeRoleWithSAML,
 * AssumeRoleWithWebIdentity) once the assertion or token has been verified: which provider vouches
 * for the user, what the user asks for, and the condition keys the provider's claims make
 * ({@code saml:sub}, {@code <issuer>:aud}, ...).
 *
 * @param action             {@code sts:AssumeRoleWithSAML} or {@code sts:AssumeRoleWithWebIdentity}
 * @param providerArn        the SAML or OIDC provider, the trust policy's {@code Federated} principal
 * @param durationSeconds    the caller's DurationSeconds
 * @param providerMaxSession the longest session the identity provider allows (SAML's SessionDuration)
 */
public record FederatedRoleRequest(String action, String providerArn, String roleArn, String roleSessionName,
                                   Optional<Integer> durationSeconds, Optional<Duration> providerMaxSession,
                                   SessionPolicies policies, List<Tag> tags, Set<String> transitiveTagKeys,
                                   Optional<String> sourceIdentity, Map<String, List<String>> conditionKeys) {

    public FederatedRoleRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(providerArn, "providerArn");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(roleSessionName, "roleSessionName");
        Objects.requireNonNull(durationSeconds, "durationSeconds");
        Objects.requireNonNull(providerMaxSession, "providerMaxSession");
        Objects.requireNonNull(policies, "policies");
        tags = List.copyOf(tags);
        transitiveTagKeys = Set.copyOf(transitiveTagKeys);
        Objects.requireNonNull(sourceIdentity, "sourceIdentity");
        Map<String, List<String>> keys = new LinkedHashMap<>();
        conditionKeys.forEach((key, values) -> keys.put(key, List.copyOf(values)));
        conditionKeys = Map.copyOf(keys);
    }
}
