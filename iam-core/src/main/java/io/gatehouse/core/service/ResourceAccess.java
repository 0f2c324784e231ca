package io.gatehouse.core.service;

import io.gatehouse.core.policy.eval.CompiledPolicy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a request brings beyond who makes it and what it asks for: the resource-based policy of
 * the resource, if it has one (a role's trust policy for {@code sts:AssumeRole}), and the
 * condition keys the request itself sets ({@code sts:ExternalId}, {@code aws:RequestTag/...}).
 * Request keys override the caller's keys of the same name, as a fresh MFA check does for
 * {@code aws:MultiFactorAuthPresent}.
 */
public record ResourceAccess(Optional<CompiledPolicy> resourcePolicy, boolean resourcePolicyMustAllow,
                             Map<String, List<String>> requestKeys) {

    public static final ResourceAccess NONE = new ResourceAccess(Optional.empty(), false, Map.of());

    public ResourceAccess {
        Objects.requireNonNull(resourcePolicy, "resourcePolicy");
        requestKeys = Map.copyOf(requestKeys);
    }

    /** Condition keys set by the request, on a resource without a policy of its own. */
    public static ResourceAccess requestKeys(Map<String, List<String>> keys) {
        return new ResourceAccess(Optional.empty(), false, keys);
    }

    /**
     * A role's trust policy: unlike other resource-based policies it must always allow the caller;
     * identity policies alone never let anyone assume a role, even in the role's own account (AWS).
     */
    public static ResourceAccess trustPolicy(CompiledPolicy trust, Map<String, List<String>> keys) {
        return new ResourceAccess(Optional.of(trust), true, keys);
    }
}
