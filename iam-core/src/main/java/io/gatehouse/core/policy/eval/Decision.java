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

    /**
     * The text of an {@code AccessDenied} error for this decision, in the shape AWS uses: who, which
     * action on which resource, and why (which kind of policy denied, or which kind failed to allow).
     * Only meaningful for a denied decision.
     */
    public String accessDeniedMessage(String principalArn, String action, String resource) {
        String head = "User: " + principalArn + " is not authorized to perform: " + action + " on resource: "
                + resource + " ";
        if (outcome == Outcome.EXPLICIT_DENY) {
            PolicyType denier = matchedStatements.stream()
                    .filter(m -> m.effect() == io.gatehouse.core.policy.Effect.DENY)
                    .map(MatchedStatement::policyType).findFirst().orElse(PolicyType.IDENTITY);
            return head + "with an explicit deny in " + article(denier);
        }
        String missing = switch (basis) {
            case NO_RESOURCE_POLICY_ALLOWS -> "resource-based policy";
            case NO_PERMISSIONS_BOUNDARY_ALLOWS -> "permissions boundary";
            case NO_SESSION_POLICY_ALLOWS -> "session policy";
            default -> "identity-based policy";
        };
        return head + "because no " + missing + " allows the " + action + " action";
    }

    private static String article(PolicyType type) {
        return switch (type) {
            case IDENTITY -> "an identity-based policy";
            case RESOURCE -> "a resource-based policy";
            case PERMISSION_BOUNDARY -> "a permissions boundary";
            case SESSION -> "a session policy";
        };
    }

    /** A one-line explanation for logs, simulators and {@code AccessDenied} messages. */
    public String explanation() {
        String statements = matchedStatements.isEmpty() ? "no statement applied"
                : matchedStatements.stream().map(MatchedStatement::toString).collect(Collectors.joining("; "));
        return outcome + ": " + basis.description() + " (" + statements + ")";
    }
}
