package io.gatehouse.federation.mapping;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.federation.mapping.MappingCondition.ClaimEquals;
import io.gatehouse.federation.mapping.MappingCondition.ClaimLike;
import io.gatehouse.federation.mapping.MappingCondition.ClaimPresent;
import io.gatehouse.federation.mapping.MappingCondition.MemberOf;

import java.util.ArrayList;
import java.util.List;

/**
 * Mapping rules for tests: {@code rule("admins").when(memberOf("Admins")).role("Admin").tag("email", "email").build()}.
 * Roles are named within account 123456789012.
 */
final class RuleBuilder {

    static final String ACCOUNT = "123456789012";

    private final String name;
    private final List<MappingCondition> conditions = new ArrayList<>();
    private final List<SessionTagFromClaim> tags = new ArrayList<>();
    private Arn role;

    private RuleBuilder(String name) {
        this.name = name;
        this.role = roleArn(name);
    }

    static RuleBuilder rule(String name) {
        return new RuleBuilder(name);
    }

    static Arn roleArn(String roleName) {
        return Arn.parse("arn:aws:iam::" + ACCOUNT + ":role/" + roleName);
    }

    static MappingCondition memberOf(String group) {
        return new MemberOf(group);
    }

    static MappingCondition claimEquals(String claim, String... anyOf) {
        return new ClaimEquals(claim, List.of(anyOf), false);
    }

    static MappingCondition claimEqualsIgnoringCase(String claim, String... anyOf) {
        return new ClaimEquals(claim, List.of(anyOf), true);
    }

    static MappingCondition claimLike(String claim, String pattern) {
        return new ClaimLike(claim, pattern, false);
    }

    static MappingCondition claimPresent(String claim) {
        return new ClaimPresent(claim);
    }

    RuleBuilder when(MappingCondition... more) {
        conditions.addAll(List.of(more));
        return this;
    }

    RuleBuilder role(String roleName) {
        this.role = roleArn(roleName);
        return this;
    }

    RuleBuilder tag(String key, String claim) {
        tags.add(SessionTagFromClaim.required(key, claim));
        return this;
    }

    RuleBuilder optionalTag(String key, String claim) {
        tags.add(SessionTagFromClaim.optional(key, claim));
        return this;
    }

    RoleMappingRule build() {
        return new RoleMappingRule(name, conditions, role, tags);
    }

    static RoleMappingRules firstMatch(RuleBuilder... rules) {
        return RoleMappingRules.firstMatch(List.of(rules).stream().map(RuleBuilder::build).toList());
    }

    static RoleMappingRules allMatches(RuleBuilder... rules) {
        return RoleMappingRules.allMatches(List.of(rules).stream().map(RuleBuilder::build).toList());
    }
}
