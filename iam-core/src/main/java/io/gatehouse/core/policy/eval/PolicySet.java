package io.gatehouse.core.policy.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything that decides one principal's access: identity-based policies, the resource's policy,
 * the permission boundary and the session policies. Immutable and indexed at construction; build
 * it once per principal (and resource policy) and cache it, as evaluation assumes.
 */
public final class PolicySet {
    private final List<CompiledPolicy> identityPolicies;
    private final Optional<CompiledPolicy> resourcePolicy;
    private final Optional<CompiledPolicy> permissionBoundary;
    private final List<CompiledPolicy> sessionPolicies;
    final StatementIndex identity;
    final StatementIndex resource;
    final StatementIndex boundary;
    final StatementIndex session;

    private PolicySet(Builder b) {
        this.identityPolicies = List.copyOf(b.identity);
        this.resourcePolicy = b.resource;
        this.permissionBoundary = b.boundary;
        this.sessionPolicies = List.copyOf(b.session);
        this.identity = index(identityPolicies.stream());
        this.resource = index(resourcePolicy.stream());
        this.boundary = index(permissionBoundary.stream());
        this.session = index(sessionPolicies.stream());
    }

    /** {@code base} with another resource policy: only that policy is indexed anew. */
    private PolicySet(PolicySet base, CompiledPolicy resourcePolicy) {
        this.identityPolicies = base.identityPolicies;
        this.resourcePolicy = Optional.of(resourcePolicy);
        this.permissionBoundary = base.permissionBoundary;
        this.sessionPolicies = base.sessionPolicies;
        this.identity = base.identity;
        this.resource = index(this.resourcePolicy.stream());
        this.boundary = base.boundary;
        this.session = base.session;
    }

    private static StatementIndex index(Stream<CompiledPolicy> policies) {
        return StatementIndex.build(policies.flatMap(p -> p.statements().stream()).toList());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This set with {@code policy} as the resource's policy: a resource-based policy is known only per request. */
    public PolicySet withResourcePolicy(CompiledPolicy policy) {
        return new PolicySet(this, Objects.requireNonNull(policy));
    }

    public List<CompiledPolicy> identityPolicies() {
        return identityPolicies;
    }

    public Optional<CompiledPolicy> resourcePolicy() {
        return resourcePolicy;
    }

    public Optional<CompiledPolicy> permissionBoundary() {
        return permissionBoundary;
    }

    /** Session policies passed when the session was created; empty when none were. */
    public List<CompiledPolicy> sessionPolicies() {
        return sessionPolicies;
    }

    /** Builds a {@link PolicySet}; policies keep the order they are added in. */
    public static final class Builder {
        private final List<CompiledPolicy> identity = new ArrayList<>();
        private Optional<CompiledPolicy> resource = Optional.empty();
        private Optional<CompiledPolicy> boundary = Optional.empty();
        private final List<CompiledPolicy> session = new ArrayList<>();

        private Builder() {
        }

        public Builder identityPolicy(CompiledPolicy policy) {
            identity.add(Objects.requireNonNull(policy));
            return this;
        }

        public Builder identityPolicies(List<CompiledPolicy> policies) {
            policies.forEach(this::identityPolicy);
            return this;
        }

        public Builder resourcePolicy(CompiledPolicy policy) {
            this.resource = Optional.of(policy);
            return this;
        }

        public Builder permissionBoundary(CompiledPolicy policy) {
            this.boundary = Optional.of(policy);
            return this;
        }

        public Builder sessionPolicy(CompiledPolicy policy) {
            session.add(Objects.requireNonNull(policy));
            return this;
        }

        public PolicySet build() {
            return new PolicySet(this);
        }
    }
}
