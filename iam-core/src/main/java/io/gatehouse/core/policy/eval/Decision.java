package io.gatehouse.core.policy.eval;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The answer to a request with its reasons: the outcome, the rule that settled it, and every
 * statement that applied (allows and denies, in policy order), or none when nothing applied.
 */
public record Decision(Outcome outcome, Basis basis, List<MatchedStatement> matchedStatements) {
    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(matchedStatements, "matchedStatements");
    }

    public boolean isAllowed() {
        return outcome == Outcome.ALLOWED;
    }

    /** A one-line explanation for logs, simulators and {@code AccessDenied} messages. */
    public String explanation() {
        String statements = matchedStatements.isEmpty() ? "no statement applied"
                : matchedStatements.stream().map(MatchedStatement::toString).collect(Collectors.joining("; "));
        return outcome + ": " + basis.description() + " (" + statements + ")";
    }
}
