package io.gatehouse.federation.mapping;

import io.gatehouse.core.identity.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.gatehouse.federation.mapping.IdentityBuilder.identity;
import static io.gatehouse.federation.mapping.RuleBuilder.allMatches;
import static io.gatehouse.federation.mapping.RuleBuilder.claimEquals;
import static io.gatehouse.federation.mapping.RuleBuilder.claimLike;
import static io.gatehouse.federation.mapping.RuleBuilder.firstMatch;
import static io.gatehouse.federation.mapping.RuleBuilder.memberOf;
import static io.gatehouse.federation.mapping.RuleBuilder.roleArn;
import static io.gatehouse.federation.mapping.RuleBuilder.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoleMappingRulesTest {

    private final FederatedIdentity engineerAdmin = identity()
            .claim("email", "alice@example.com")
            .claim("department", "Engineering")
            .group("Domain Admins")
            .build();

    private static List<String> ruleNames(List<RoleCandidate> candidates) {
        return candidates.stream().map(RoleCandidate::ruleName).toList();
    }

    @Test
    void firstMatchChoosesTheEarliestRuleThatHolds() {
        RoleMappingRules rules = firstMatch(
                rule("sales").when(claimEquals("department", "Sales")),
                rule("admins").when(memberOf("Domain Admins")).role("Admin"),
                rule("devs").when(claimEquals("department", "Engineering")).role("Developer"));
        List<RoleCandidate> candidates = rules.map(engineerAdmin);
        assertEquals(List.of("admins"), ruleNames(candidates));
        assertEquals(roleArn("Admin"), candidates.get(0).roleArn());
    }

    @Test
    void firstMatchFollowsDocumentOrderNotSpecificity() {
        RoleMappingRules rules = firstMatch(
                rule("everyone").role("ReadOnly"),
                rule("admins").when(memberOf("Domain Admins")).role("Admin"));
        assertEquals(List.of("everyone"), ruleNames(rules.map(engineerAdmin)));
    }

    @Test
    void allMatchesOffersEveryMatchingRuleInOrder() {
        RoleMappingRules rules = allMatches(
                rule("admins").when(memberOf("Domain Admins")).role("Admin"),
                rule("sales").when(claimEquals("department", "Sales")),
                rule("devs").when(claimEquals("department", "Engineering")).role("Developer"));
        assertEquals(List.of("admins", "devs"), ruleNames(rules.map(engineerAdmin)));
    }

    @Test
    void allMatchesOffersEachRoleOnceFromTheFirstRuleThatChoosesIt() {
        RoleMappingRules rules = allMatches(
                rule("by-group").when(memberOf("Domain Admins")).role("Admin").tag("via", "department"),
                rule("by-mail").when(claimLike("email", "*@example.com")).role("Admin"));
        List<RoleCandidate> candidates = rules.map(engineerAdmin);
        assertEquals(List.of("by-group"), ruleNames(candidates));
    }

    @Test
    void noMatchingRuleMeansNoRole() {
        RoleMappingRules rules = firstMatch(rule("sales").when(claimEquals("department", "Sales")));
        assertTrue(rules.map(engineerAdmin).isEmpty());
    }

    @Test
    void noRulesMeansNoRole() {
        assertTrue(RoleMappingRules.allMatches(List.of()).map(engineerAdmin).isEmpty());
    }

    @Test
    void aRuleWithoutConditionsMatchesEveryone() {
        assertEquals(List.of("everyone"), ruleNames(firstMatch(rule("everyone")).map(identity().build())));
    }

    @Test
    void everyConditionOfARuleMustHold() {
        RoleMappingRules rules = firstMatch(rule("admin-sales")
                .when(memberOf("Domain Admins"), claimEquals("department", "Sales")));
        assertTrue(rules.map(engineerAdmin).isEmpty());
    }

    @Test
    void sessionTagsTakeTheFirstValueOfTheirClaims() {
        FederatedIdentity identity = identity().claim("email", "alice@example.com")
                .claim("costCenter", "4711", "4712").build();
        RoleMappingRules rules = firstMatch(rule("all").tag("Email", "email").tag("CostCenter", "costCenter"));
        assertEquals(List.of(new Tag("Email", "alice@example.com"), new Tag("CostCenter", "4711")),
                rules.map(identity).get(0).sessionTags());
    }

    @Test
    void aMissingClaimForARequiredTagMakesTheRuleFailSoALaterRuleDecides() {
        RoleMappingRules rules = firstMatch(
                rule("tagged").role("Admin").tag("team", "team"),
                rule("fallback").role("ReadOnly"));
        List<RoleCandidate> candidates = rules.map(engineerAdmin);
        assertEquals(List.of("fallback"), ruleNames(candidates));
    }

    @Test
    void aMissingClaimForAnOptionalTagLeavesTheTagOut() {
        RoleMappingRules rules = firstMatch(rule("tagged").optionalTag("team", "team").tag("email", "email"));
        assertEquals(List.of(new Tag("email", "alice@example.com")), rules.map(engineerAdmin).get(0).sessionTags());
    }

    @Test
    void aClaimValueThatIsNotAValidTagValueMakesTheRuleFail() {
        // AWS refuses tag values with characters such as & and at most 256 characters.
        FederatedIdentity identity = identity().claim("department", "R&D").claim("bio", "x".repeat(257)).build();
        assertTrue(firstMatch(rule("dept").tag("department", "department")).map(identity).isEmpty());
        assertTrue(firstMatch(rule("bio").optionalTag("bio", "bio")).map(identity).isEmpty());
    }

    @Test
    void aTagValueMayBeEmptyOrExactly256Characters() {
        FederatedIdentity identity = identity().claim("nick", "").claim("bio", "x".repeat(256)).build();
        List<Tag> tags = firstMatch(rule("all").tag("nick", "nick").tag("bio", "bio")).map(identity).get(0).sessionTags();
        assertEquals(List.of(new Tag("nick", ""), new Tag("bio", "x".repeat(256))), tags);
    }

    @Test
    void mapIsTheOutcomeOfTheDryRun() {
        RoleMappingRules rules = allMatches(
                rule("admins").when(memberOf("Domain Admins")).role("Admin").tag("email", "email"),
                rule("devs").when(claimEquals("department", "Engineering")).role("Developer"));
        assertEquals(rules.explain(engineerAdmin).candidates(), rules.map(engineerAdmin));
    }
}
