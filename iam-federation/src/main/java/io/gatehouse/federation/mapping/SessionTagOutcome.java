package io.gatehouse.federation.mapping;

import io.gatehouse.core.identity.Tag;

import java.util.Objects;

/** What one {@link SessionTagFromClaim} made of one identity. */
public sealed interface SessionTagOutcome {

    SessionTagFromClaim source();

    /** Whether the rule can still match: only a refused tag stops it. */
    default boolean allowsMatch() {
        return !(this instanceof Refused);
    }

    record Resolved(SessionTagFromClaim source, Tag tag) implements SessionTagOutcome {
        public Resolved {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(tag, "tag");
        }
    }

    /** An optional tag whose claim is missing: left out of the session. */
    record Omitted(SessionTagFromClaim source, String reason) implements SessionTagOutcome {
        public Omitted {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A tag the rule needs but cannot have: the rule does not match. */
    record Refused(SessionTagFromClaim source, String reason) implements SessionTagOutcome {
        public Refused {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
