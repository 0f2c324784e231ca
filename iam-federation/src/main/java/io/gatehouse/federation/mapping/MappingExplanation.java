package io.gatehouse.federation.mapping;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The dry run of a provider's rules for one identity: every rule's verdict and evidence, in
 * document order. The roles it offers are exactly what {@link RoleMappingRules#map} returns. It
 * holds claim values: show it to administrators, do not log it.
 */
public record MappingExplanation(MatchMode mode, List<RuleExplanation> rules) {

    public MappingExplanation {
        Objects.requireNonNull(mode, "mode");
        rules = List.copyOf(rules);
    }

    public List<RoleCandidate> candidates() {
        return rules.stream().flatMap(r -> r.candidate().stream()).toList();
    }

    /** The explanation of the rule with this name (names ignore case). */
    public Optional<RuleExplanation> rule(String name) {
        return rules.stream().filter(r -> r.rule().name().equalsIgnoreCase(name)).findFirst();
    }

    /** The dry run as text, one line per rule, then the outcome. */
    public String describe() {
        String outcome = candidates().isEmpty() ? "No rule matched: the identity may assume no role."
                : "Roles offered: " + candidates().stream().map(c -> c.roleArn().toString())
                        .collect(Collectors.joining(", ")) + ".";
        List<String> lines = new java.util.ArrayList<>(rules.stream().map(RuleExplanation::describe).toList());
        lines.add(outcome);
        return String.join("\n", lines);
    }
}
