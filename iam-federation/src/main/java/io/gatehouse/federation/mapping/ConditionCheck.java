package io.gatehouse.federation.mapping;

import java.util.List;
import java.util.Objects;

/** One condition of one rule against one identity, with what it saw: the dry run's evidence. */
public record ConditionCheck(MappingCondition condition, boolean holds, List<String> valuesSeen) {

    public ConditionCheck {
        Objects.requireNonNull(condition, "condition");
        valuesSeen = List.copyOf(valuesSeen);
    }

    static ConditionCheck of(MappingCondition condition, FederatedIdentity identity) {
        return new ConditionCheck(condition, condition.holdsFor(identity), condition.valuesSeen(identity));
    }

    /** The check in words, e.g. {@code claim "email" like "*@example.com" does not hold; saw values ["a@b.org"]}. */
    public String describe() {
        String evidence;
        if (condition instanceof MappingCondition.MemberOf) {
            evidence = valuesSeen.isEmpty() ? "the identity has no groups" : "saw groups " + JsonText.quoteAll(valuesSeen);
        } else {
            evidence = valuesSeen.isEmpty() ? "the claim was not sent" : "saw values " + JsonText.quoteAll(valuesSeen);
        }
        return condition.describe() + (holds ? " holds; " : " does not hold; ") + evidence;
    }
}
