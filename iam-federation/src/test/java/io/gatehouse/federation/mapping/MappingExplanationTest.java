package io.gatehouse.federation.mapping;

import io.gatehouse.federation.mapping.RuleExplanation.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.gatehouse.federation.mapping.IdentityBuilder.identity;
import static io.gatehouse.federation.mapping.RuleBuilder.allMatches;
import static io.gatehouse.federation.mapping.RuleBuilder.claimEquals;
import static io.gatehouse.federation.mapping.RuleBuilder.claimLike;
import static io.gatehouse.federation.mapping.RuleBuilder.firstMatch;
import static io.gatehouse.federation.mapping.RuleBuilder.memberOf;
import static io.gatehouse.federation.mapping.RuleBuilder.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MappingExplanationTest {

    private final FederatedIdentity salesPerson = identity()
            .claim("email", "bob@example.org")
            .claim("department", "Sales", "Marketing")
            .group("Users")
            .build();

    private RuleExplanation explain(RoleMappingRules rules, String ruleName) {
        return rules.explain(salesPerson).rule(ruleName).orElseThrow();
    }

    @Test
    void namesTheMatchedRuleAndItsRole() {
        RoleMappingRules rules = firstMatch(rule("sales").when(claimEquals("department", "Sales")).tag("email", "email"));
        RuleExplanation sales = explain(rules, "sales");
        assertEquals(Verdict.MATCHED, sales.verdict());
        assertEquals("rules[0] \"sales\" matched: role arn:aws:iam::123456789012:role/sales"
                + " with session tags email=\"bob@example.org\"", sales.describe());
    }

    @Test
    void showsEachFailingConditionWithTheValuesItSaw() {
        RoleMappingRules rules = firstMatch(rule("devs")
                .when(claimEquals("department", "Engineering"), claimLike("email", "*@example.org"),
                        memberOf("Developers")));
        RuleExplanation devs = explain(rules, "devs");
        assertEquals(Verdict.CONDITIONS_NOT_MET, devs.verdict());
        assertEquals(List.of(false, true, false), devs.conditions().stream().map(ConditionCheck::holds).toList());
        assertEquals(List.of("Sales", "Marketing"), devs.failedConditions().get(0).valuesSeen());
        assertEquals("rules[0] \"devs\" did not match: "
                + "claim \"department\" equals one of [\"Engineering\"] does not hold; saw values [\"Sales\", \"Marketing\"]; "
                + "member of \"Developers\" does not hold; saw groups [\"Users\"]", devs.describe());
    }

    @Test
    void saysWhenAClaimWasNotSent() {
        RuleExplanation rule = explain(firstMatch(rule("by-title").when(claimEquals("title", "Lead"))), "by-title");
        assertTrue(rule.describe().endsWith("does not hold; the claim was not sent"), rule.describe());
    }

    @Test
    void saysWhenTheIdentityHasNoGroups() {
        FederatedIdentity loner = identity().claim("email", "carol@example.org").build();
        RuleExplanation rule = firstMatch(rule("admins").when(memberOf("Admins"))).explain(loner).rule("ADMINS")
                .orElseThrow();
        assertEquals("rules[0] \"admins\" did not match: member of \"Admins\" does not hold;"
                + " the identity has no groups", rule.describe());
    }

    @Test
    void namesTheSessionTagThatStoppedARule() {
        RuleExplanation rule = explain(firstMatch(rule("tagged").tag("team", "team")), "tagged");
        assertEquals(Verdict.SESSION_TAG_REFUSED, rule.verdict());
        assertEquals("rules[0] \"tagged\" did not match: session tag \"team\": claim \"team\" is missing",
                rule.describe());
    }

    @Test
    void marksALaterMatchingRuleAsShadowedUnderFirstMatch() {
        RoleMappingRules rules = firstMatch(rule("sales").when(claimEquals("department", "Sales")),
                rule("everyone").role("ReadOnly"));
        RuleExplanation everyone = explain(rules, "everyone");
        assertEquals(Verdict.SHADOWED, everyone.verdict());
        assertEquals(Optional.of("sales"), everyone.shadowedBy());
        assertEquals("rules[1] \"everyone\" would match role arn:aws:iam::123456789012:role/ReadOnly,"
                + " but rule \"sales\" matched before it", everyone.describe());
    }

    @Test
    void doesNotShadowOtherRolesUnderAllMatches() {
        RoleMappingRules rules = allMatches(rule("sales").when(claimEquals("department", "Sales")),
                rule("everyone").role("ReadOnly"));
        assertEquals(Verdict.MATCHED, explain(rules, "everyone").verdict());
    }

    @Test
    void shadowsARepeatedRoleUnderAllMatches() {
        RoleMappingRules rules = allMatches(rule("sales").role("ReadOnly"), rule("everyone").role("ReadOnly"));
        assertEquals(Optional.of("sales"), explain(rules, "everyone").shadowedBy());
    }

    @Test
    void explainsEveryRuleInDocumentOrderAndEndsWithTheOutcome() {
        RoleMappingRules rules = firstMatch(rule("devs").when(memberOf("Developers")),
                rule("sales").when(claimEquals("department", "Marketing")).role("Sales"));
        String[] lines = rules.explain(salesPerson).describe().split("\n");
        assertEquals(3, lines.length);
        assertTrue(lines[0].startsWith("rules[0] \"devs\" did not match"), lines[0]);
        assertTrue(lines[1].startsWith("rules[1] \"sales\" matched"), lines[1]);
        assertEquals("Roles offered: arn:aws:iam::123456789012:role/Sales.", lines[2]);
    }

    @Test
    void saysSoWhenNoRuleMatched() {
        String text = firstMatch(rule("devs").when(memberOf("Developers"))).explain(salesPerson).describe();
        assertTrue(text.endsWith("No rule matched: the identity may assume no role."), text);
    }
}
