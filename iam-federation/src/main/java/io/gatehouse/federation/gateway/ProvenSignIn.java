package io.gatehouse.federation.gateway;

import io.gatehouse.core.identity.Tag;
import io.gatehouse.federation.mapping.FederatedIdentity;
import io.gatehouse.federation.mapping.RoleCandidate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a browser sign-in proved about a person, before a role is chosen: who the provider says it
 * is (read by the role-mapping rules), the roles the provider itself offers (SAML's Role attribute),
 * and what every role session of this sign-in carries.
 *
 * @param action             the STS action the role's trust policy must allow for the provider
 *                           ({@code sts:AssumeRoleWithSAML}, {@code sts:AssumeRoleWithWebIdentity},
 *                           {@code sts:AssumeRoleWithLDAPIdentity})
 * @param offeredRoles       roles the provider's own assertion offers, tried before the mapping rules
 * @param providerMaxSession the longest session the provider allows (SAML's SessionDuration)
 * @param sessionTags        tags from the provider itself (SAML's PrincipalTag attributes); a mapping
 *                           rule's tags are added to them
 * @param conditionKeys      the provider's condition keys for the trust policy ({@code saml:sub}, ...)
 */
public record ProvenSignIn(FederatedIdentity identity, String action, String roleSessionName,
                           List<RoleCandidate> offeredRoles, Optional<Duration> providerMaxSession,
                           List<Tag> sessionTags, Set<String> transitiveTagKeys, Optional<String> sourceIdentity,
                           Map<String, List<String>> conditionKeys) {

    public ProvenSignIn {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(roleSessionName, "roleSessionName");
        offeredRoles = List.copyOf(offeredRoles);
        Objects.requireNonNull(providerMaxSession, "providerMaxSession");
        sessionTags = List.copyOf(sessionTags);
        transitiveTagKeys = Set.copyOf(transitiveTagKeys);
        Objects.requireNonNull(sourceIdentity, "sourceIdentity");
        Map<String, List<String>> keys = new LinkedHashMap<>();
        conditionKeys.forEach((key, values) -> keys.put(key, List.copyOf(values)));
        conditionKeys = Map.copyOf(keys);
    }

    /** A sign-in whose provider offers no roles of its own and sets no tags: the mapping rules decide. */
    public static ProvenSignIn mappedOnly(FederatedIdentity identity, String action, String roleSessionName,
                                          Map<String, List<String>> conditionKeys) {
        return new ProvenSignIn(identity, action, roleSessionName, List.of(), Optional.empty(), List.of(), Set.of(),
                Optional.empty(), conditionKeys);
    }
}
