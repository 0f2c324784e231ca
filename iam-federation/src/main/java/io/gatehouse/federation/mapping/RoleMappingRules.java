package io.gatehouse.federation.mapping;

import io.gatehouse.core.arn.Arn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An identity provider's role mapping: ordered rules and how many of them may choose roles. Mapping
 * only proposes roles; each role's trust policy is evaluated afterwards as for any assumption.
 */
public record RoleMappingRules(MatchMode mode, List<RoleMappingRule> rules) {

    public static final int MAX_RULES = 100;

    public RoleMappingRules {
        Objects.requireNonNull(mode, "mode");
        rules = List.copyOf(rules);
        if (rules.size() > MAX_RULES) {
            throw new InvalidRoleMappingException("rules",
                    "a provider has at most " + MAX_RULES + " rules, not " + rules.size());
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            String name = rules.get(i).name();
            Integer first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
            if (first != null) {
                throw new InvalidRoleMappingException("rules[" + i + "].name", "duplicate rule name "
                        + JsonText.quote(name) + ", already used by rules[" + first + "] (names ignore case)");
            }
        }
    }

    public static RoleMappingRules firstMatch(List<RoleMappingRule> rules) {
        return new RoleMappingRules(MatchMode.FIRST_MATCH, rules);
    }

    public static RoleMappingRules allMatches(List<RoleMappingRule> rules) {
        return new RoleMappingRules(MatchMode.ALL_MATCHES, rules);
    }

    /**
     * The roles the identity may try to assume, in rule order: at most one under
     * {@link MatchMode#FIRST_MATCH}; each role once under {@link MatchMode#ALL_MATCHES}, from the
     * first rule that offers it. Empty when no rule matches.
     */
    public List<RoleCandidate> map(FederatedIdentity identity) {
        return explain(identity).candidates();
    }

    /** The dry run: why each rule did or did not choose its role. {@link #map} is its outcome. */
    public MappingExplanation explain(FederatedIdentity identity) {
        Objects.requireNonNull(identity, "identity");
        List<RuleExplanation> explained = new ArrayList<>(rules.size());
        Map<Arn, String> winners = new HashMap<>();
        String firstWinner = null;
        for (int i = 0; i < rules.size(); i++) {
            RuleExplanation rule = RuleExplanation.evaluate(i, rules.get(i), identity);
            if (rule.verdict() == RuleExplanation.Verdict.MATCHED) {
                String winner = mode == MatchMode.FIRST_MATCH ? firstWinner : winners.get(rule.rule().roleArn());
                if (winner != null) {
                    rule = rule.shadowedBy(winner);
                } else {
                    winners.put(rule.rule().roleArn(), rule.rule().name());
                    firstWinner = firstWinner == null ? rule.rule().name() : firstWinner;
                }
            }
            explained.add(rule);
        }
        return new MappingExplanation(mode, explained);
    }
}
