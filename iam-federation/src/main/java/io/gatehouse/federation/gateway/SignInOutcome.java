package io.gatehouse.federation.gateway;

import io.gatehouse.core.sts.IssuedSession;
import io.gatehouse.federation.mapping.RoleCandidate;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Where a browser sign-in stands once its identity is proven: in a role session, or choosing one. */
public sealed interface SignInOutcome {

    /** The role session the person signed in to, and the rule (or provider attribute) that chose it. */
    record SignedIn(IssuedSession session, RoleCandidate role) implements SignInOutcome {
        public SignedIn {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(role, "role");
        }
    }

    /**
     * Several roles are offered: the person picks one of {@code roles} and posts it back with
     * {@code choiceToken}, a sealed record of the sign-in that only this gateway opens, only until
     * {@code expiresAt}, and only together with the browser binding it was sealed with.
     */
    record RoleChoice(List<RoleCandidate> roles, String choiceToken, Instant expiresAt) implements SignInOutcome {
        public RoleChoice {
            roles = List.copyOf(roles);
            if (roles.size() < 2) {
                throw new IllegalArgumentException("a role choice offers at least two roles");
            }
            Objects.requireNonNull(choiceToken, "choiceToken");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String toString() {
            return "RoleChoice[roles=" + roles.stream().map(r -> r.roleArn().toString()).toList()
                    + ", choiceToken=****, expiresAt=" + expiresAt + "]";
        }
    }
}
