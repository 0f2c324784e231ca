package io.gatehouse.core.policy;

import java.util.List;

/** A statement's {@code Principal} or {@code NotPrincipal}. */
public sealed interface PrincipalElement {
    List<PrincipalId> ids();

    record Principal(List<PrincipalId> ids) implements PrincipalElement {
        public Principal {
            ids = List.copyOf(ids);
        }
    }

    /** Applies to every principal except those listed. */
    record NotPrincipal(List<PrincipalId> ids) implements PrincipalElement {
        public NotPrincipal {
            ids = List.copyOf(ids);
        }
    }
}
