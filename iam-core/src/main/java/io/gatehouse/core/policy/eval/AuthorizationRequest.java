package io.gatehouse.core.policy.eval;

import java.util.Objects;

/** A request together with the policies that govern it. */
public record AuthorizationRequest(RequestContext context, PolicySet policies) {
    public AuthorizationRequest {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(policies, "policies");
    }
}
