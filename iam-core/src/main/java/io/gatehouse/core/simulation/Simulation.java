package io.gatehouse.core.simulation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to simulate: identity policies given as text, boundaries, an optional resource-based policy
 * with the account owning the resource and the calling user, the actions and resources, and
 * context keys. A principal simulation adds the principal's stored policies to these.
 */
public record Simulation(List<String> policyInputs, List<String> boundaryInputs, Optional<String> resourcePolicy,
                         Optional<String> resourceOwner, Optional<String> callerArn, List<String> actions,
                         List<String> resources, List<ContextEntry> context) {

    public Simulation {
        policyInputs = List.copyOf(policyInputs);
        boundaryInputs = List.copyOf(boundaryInputs);
        Objects.requireNonNull(resourcePolicy, "resourcePolicy");
        Objects.requireNonNull(resourceOwner, "resourceOwner");
        Objects.requireNonNull(callerArn, "callerArn");
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        context = List.copyOf(context);
    }

    /** A context key with its values and AWS's type name (string, stringList, numeric, boolean, ip, date, ...). */
    public record ContextEntry(String key, List<String> values, String type) {
        public ContextEntry {
            Objects.requireNonNull(key, "key");
            values = List.copyOf(values);
            Objects.requireNonNull(type, "type");
        }
    }
}
