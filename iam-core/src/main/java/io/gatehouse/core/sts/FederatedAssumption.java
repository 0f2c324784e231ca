package io.gatehouse.core.sts;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.identity.Tag;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A role assumption by an identity that a provider vouched for (no AWS credentials behind it): the
 * role's trust policy must allow {@code Federated: providerArn} to perform {@code action}.
 *
 * @param action        e.g. {@code sts:AssumeRoleWithLDAPIdentity}
 * @param conditionKeys the provider's keys the trust policy may test, e.g. {@code ldap:username}
 * @param sessionTags   tags the mapping rules took from the identity
 */
public record FederatedAssumption(Arn providerArn, String action, String roleArn, String roleSessionName,
                                  Optional<Integer> durationSeconds, Optional<String> policy,
                                  List<Tag> sessionTags, Map<String, List<String>> conditionKeys) {

    public FederatedAssumption {
        Objects.requireNonNull(providerArn, "providerArn");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(roleSessionName, "roleSessionName");
        Objects.requireNonNull(durationSeconds, "durationSeconds");
        Objects.requireNonNull(policy, "policy");
        sessionTags = List.copyOf(sessionTags);
        Map<String, List<String>> keys = new LinkedHashMap<>();
        conditionKeys.forEach((key, values) -> keys.put(key, List.copyOf(values)));
        conditionKeys = Collections.unmodifiableMap(keys);
    }
}
