package io.gatehouse.federation.mapping;

import io.gatehouse.core.identity.Tag;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What one rule made of one identity: its verdict, every condition's check and every session
 * tag's outcome. It holds the identity's claim values, so it is for administrators' eyes and is
 * not written to logs.
 *
 * @param index      the rule's place in the document, from 0 as in {@code rules[0]}
 * @param shadowedBy for {@link Verdict#SHADOWED}, the earlier rule that won
 */
public record RuleExplanation(int index, RoleMappingRule rule, Verdict verdict, List<ConditionCheck> conditions,
                              List<SessionTagOutcome> sessionTags, Optional<String> shadowedBy) {

    public enum Verdict {
        /** The rule chose its role. */
        MATCHED,
        /** At least one condition does not hold. */
        CONDITIONS_NOT_MET,
        /** The conditions hold, but a session tag the rule needs cannot be formed. */
        SESSION_TAG_REFUSED,
        /**
         * The rule would match, but an earlier rule already won: any earlier match under
         * {@link MatchMode#FIRST_MATCH}, an earlier match of the same role under {@link MatchMode#ALL_MATCHES}.
         */
        SHADOWED
    }

    public RuleExplanation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(verdict, "verdict");
        conditions = List.copyOf(conditions);
        sessionTags = List.copyOf(sessionTags);
        Objects.requireNonNull(shadowedBy, "shadowedBy");
        if ((verdict == Verdict.SHADOWED) != shadowedBy.isPresent()) {
            throw new IllegalArgumentException("Only a shadowed rule names the rule that shadows it");
        }
    }

    /** Checks the rule on its own; whether an earlier rule shadows it is the rule set's call. */
    static RuleExplanation evaluate(int index, RoleMappingRule rule, FederatedIdentity identity) {
        List<ConditionCheck> checks = rule.conditions().stream().map(c -> ConditionCheck.of(c, identity)).toList();
        List<SessionTagOutcome> tags = rule.sessionTags().stream().map(t -> t.resolve(identity)).toList();
        Verdict verdict;
        if (!checks.stream().allMatch(ConditionCheck::holds)) {
            verdict = Verdict.CONDITIONS_NOT_MET;
        } else if (!tags.stream().allMatch(SessionTagOutcome::allowsMatch)) {
            verdict = Verdict.SESSION_TAG_REFUSED;
        } else {
            verdict = Verdict.MATCHED;
        }
        return new RuleExplanation(index, rule, verdict, checks, tags, Optional.empty());
    }

    RuleExplanation shadowedBy(String winner) {
        return new RuleExplanation(index, rule, Verdict.SHADOWED, conditions, sessionTags, Optional.of(winner));
    }

    /** The role this rule offers, when it matched. */
    public Optional<RoleCandidate> candidate() {
        if (verdict != Verdict.MATCHED) {
            return Optional.empty();
        }
        List<Tag> tags = sessionTags.stream()
                .flatMap(o -> o instanceof SessionTagOutcome.Resolved r ? Stream.of(r.tag())
                        : Stream.empty())
                .toList();
        return Optional.of(new RoleCandidate(rule.name(), rule.roleArn(), tags));
    }

    /** The failing conditions, in rule order: why a {@link Verdict#CONDITIONS_NOT_MET} rule did not match. */
    public List<ConditionCheck> failedConditions() {
        return conditions.stream().filter(c -> !c.holds()).toList();
    }

    /** The refused session tags: why a {@link Verdict#SESSION_TAG_REFUSED} rule did not match. */
    public List<SessionTagOutcome.Refused> refusedSessionTags() {
        return sessionTags.stream()
                .flatMap(o -> o instanceof SessionTagOutcome.Refused r ? Stream.of(r)
                        : Stream.empty())
                .toList();
    }

    /** One line for the dry run, e.g. {@code rules[1] "devs" did not match: claim "email" ...}. */
    public String describe() {
        String head = "rules[" + index + "] " + JsonText.quote(rule.name());
        return switch (verdict) {
            case MATCHED -> head + " matched: role " + rule.roleArn() + tagsInWords();
            case CONDITIONS_NOT_MET -> head + " did not match: " + failedConditions().stream()
                    .map(ConditionCheck::describe).collect(Collectors.joining("; "));
            case SESSION_TAG_REFUSED -> head + " did not match: " + refusedSessionTags().stream()
                    .map(r -> "session tag " + JsonText.quote(r.source().tagKey()) + ": " + r.reason())
                    .collect(Collectors.joining("; "));
            case SHADOWED -> head + " would match role " + rule.roleArn() + ", but rule "
                    + JsonText.quote(shadowedBy.orElseThrow()) + " matched before it";
        };
    }

    private String tagsInWords() {
        List<Tag> tags = candidate().map(RoleCandidate::sessionTags).orElse(List.of());
        return tags.isEmpty() ? "" : " with session tags " + tags.stream()
                .map(t -> t.key() + "=" + JsonText.quote(t.value())).collect(Collectors.joining(", "));
    }
}
