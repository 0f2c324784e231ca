package io.gatehouse.federation.mapping;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.policy.json.Position;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.gatehouse.federation.mapping.DocumentText.document;
import static io.gatehouse.federation.mapping.DocumentText.ruleText;
import static io.gatehouse.federation.mapping.RuleBuilder.allMatches;
import static io.gatehouse.federation.mapping.RuleBuilder.claimEquals;
import static io.gatehouse.federation.mapping.RuleBuilder.claimEqualsIgnoringCase;
import static io.gatehouse.federation.mapping.RuleBuilder.claimLike;
import static io.gatehouse.federation.mapping.RuleBuilder.claimPresent;
import static io.gatehouse.federation.mapping.RuleBuilder.firstMatch;
import static io.gatehouse.federation.mapping.RuleBuilder.memberOf;
import static io.gatehouse.federation.mapping.RuleBuilder.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoleMappingDocumentTest {

    private static final Random RANDOM = new Random(42);

    @Test
    void readsTheDocumentedExample() {
        String json = """
                {"mode": "FIRST_MATCH",
                 "rules": [
                   {"name": "admins", "conditions": [{"memberOf": "Domain Admins"}],
                    "role": "arn:aws:iam::123456789012:role/Admin",
                    "sessionTags": [{"key": "email", "fromClaim": "email"}]},
                   {"name": "devs",
                    "conditions": [{"claim": "department", "equals": ["R&D", "Engineering"], "ignoreCase": true},
                                   {"claim": "email", "like": "*@example.com"}],
                    "role": "arn:aws:iam::123456789012:role/Developer",
                    "sessionTags": [{"key": "team", "fromClaim": "team", "optional": true}]},
                   {"name": "everyone", "conditions": [{"claim": "email", "present": true}],
                    "role": "arn:aws:iam::123456789012:role/ReadOnly"}]}""";
        RoleMappingRules expected = firstMatch(
                rule("admins").when(memberOf("Domain Admins")).role("Admin").tag("email", "email"),
                rule("devs").when(claimEqualsIgnoringCase("department", "R&D", "Engineering"),
                        claimLike("email", "*@example.com")).role("Developer").optionalTag("team", "team"),
                rule("everyone").when(claimPresent("email")).role("ReadOnly"));
        assertEquals(expected, RoleMappingDocument.parse(json));
    }

    @Test
    void readsASingleStringAsTheOneValueOfEquals() {
        RoleMappingRules rules = RoleMappingDocument.parse(DocumentText.withCondition(
                "{\"claim\": \"department\", \"equals\": \"Sales\"}"));
        assertEquals(List.of(claimEquals("department", "Sales")), rules.rules().get(0).conditions());
    }

    @Test
    void readsBackWhatItRenders() {
        RoleMappingRules rules = allMatches(
                rule("admins").when(memberOf("CN=Admins,DC=example,DC=com")).role("Admin").tag("email", "email"),
                rule("devs").when(claimEquals("dept", "R&D", "Eng"), new MappingCondition.ClaimLike("mail", "*@x", true))
                        .optionalTag("team", "team"),
                rule("everyone"));
        String json = RoleMappingDocument.render(rules);
        assertEquals(rules, RoleMappingDocument.parse(json));
        assertTrue(json.startsWith("{\n  \"mode\": \"ALL_MATCHES\",\n  \"rules\": [\n"), json);
    }

    @RepeatedTest(100)
    void readsBackWhatItRendersForArbitraryRules() {
        RoleMappingRules rules = randomRules();
        assertEquals(rules, RoleMappingDocument.parse(RoleMappingDocument.render(rules)));
    }

    // --- Document shape errors, each with its path and position -----------------------------------

    private static void assertRefused(String json, String message, String atFragment) {
        InvalidRoleMappingException e = org.junit.jupiter.api.Assertions.assertThrows(
                InvalidRoleMappingException.class, () -> RoleMappingDocument.parse(json));
        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
        Position expected = DocumentText.positionOf(json, atFragment);
        assertEquals(message + " (" + expected + ")", e.getMessage(), json);
        assertEquals(expected, e.position().orElseThrow());
    }

    @Test
    void refusesTextThatIsNotJson() {
        String json = "{\"mode\": \"FIRST_MATCH\",\n \"rules\": [}";
        assertRefused(json, "The rule document is not valid JSON: Unexpected character '}'", "}");
    }

    @Test
    void refusesAFieldGivenTwice() {
        String json = "{\"mode\": \"FIRST_MATCH\", \"rules\": [], \"mode\": \"ALL_MATCHES\"}";
        assertRefused(json, "The rule document is not valid JSON: Duplicate key mode", "\"mode\": \"ALL");
    }

    @Test
    void refusesADocumentThatIsNotAnObject() {
        assertRefused("[]", "must be an object, not array", "[");
    }

    @Test
    void refusesAnOverlongDocument() {
        String json = " ".repeat(RoleMappingDocument.MAX_DOCUMENT_CHARS) + "{}";
        InvalidRoleMappingException e = org.junit.jupiter.api.Assertions.assertThrows(
                InvalidRoleMappingException.class, () -> RoleMappingDocument.parse(json));
        assertEquals("The rule document has 262146 characters; at most 262144 are allowed", e.reason());
    }

    @Test
    void refusesAnUnknownTopLevelField() {
        String json = document().field("version", "\"1\"").json();
        assertRefused(json, "unknown field \"version\"; expected one of [\"mode\", \"rules\"]", "\"version\"");
    }

    @Test
    void refusesAMissingMode() {
        String json = document().without("mode").json();
        assertRefused(json, "missing required field \"mode\"", "{");
    }

    @Test
    void refusesAnUnknownMode() {
        String json = document().field("mode", "\"first_match\"").json();
        assertRefused(json, "mode: unknown match mode \"first_match\"; expected \"FIRST_MATCH\" or \"ALL_MATCHES\"",
                "\"first_match\"");
    }

    @Test
    void refusesRulesThatAreNotAnArray() {
        String json = document().field("rules", "{}").json();
        assertRefused(json, "rules: must be an array, not object", "{}");
    }

    @Test
    void refusesAnUnknownRuleField() {
        String json = document().rule(ruleText("a")).rule(ruleText("b").field("rol", "\"x\"")).json();
        assertRefused(json, "rules[1]: unknown field \"rol\"; expected one of "
                + "[\"conditions\", \"name\", \"role\", \"sessionTags\"]", "\"rol\"");
    }

    @Test
    void refusesARuleWithoutConditions() {
        String json = document().rule(ruleText("a").without("conditions")).json();
        assertRefused(json, "rules[0]: missing required field \"conditions\"", "{\"name\"");
    }

    @Test
    void refusesARoleThatIsNotAnArn() {
        String json = document().rule(ruleText("a").field("role", "\"Admin\"")).json();
        assertRefused(json, "rules[0].role: \"Admin\" is not a valid ARN", "\"Admin\"");
    }

    @Test
    void refusesAnArnThatIsNotAnIamRoleAtTheRole() {
        String json = document().rule(ruleText("a").field("role", "\"arn:aws:iam::123456789012:user/alice\"")).json();
        assertRefused(json, "rules[0].role: \"arn:aws:iam::123456789012:user/alice\" is not an IAM role ARN"
                + " (arn:aws:iam::<account>:role/<name>)", "\"arn:aws:iam::123456789012:user");
    }

    @Test
    void refusesAnInvalidRuleNameAtTheName() {
        String json = document().rule(ruleText("two words")).json();
        assertRefused(json, "rules[0].name: \"two words\" must be 1 to 64 letters, digits or _+=,.@-", "\"two words\"");
    }

    @Test
    void refusesADuplicateRuleNameAtTheSecondName() {
        String json = document().rule(ruleText("admins")).rule(ruleText("Admins")).json();
        assertRefused(json, "rules[1].name: duplicate rule name \"Admins\", already used by rules[0] (names ignore case)",
                "\"Admins\"");
    }

    @Test
    void refusesAMisspelledConditionOperator() {
        String json = DocumentText.withCondition("{\"claim\": \"dept\", \"equls\": [\"R&D\"]}");
        assertRefused(json, "rules[0].conditions[0]: unknown field \"equls\"; a condition is {\"memberOf\": ...}"
                + " or {\"claim\": ...} with one of \"equals\", \"like\", \"present\"", "\"equls\"");
    }

    @Test
    void refusesAConditionWithoutAnOperator() {
        String json = DocumentText.withCondition("{\"claim\": \"dept\"}");
        assertRefused(json, "rules[0].conditions[0]: a condition is {\"memberOf\": ...} or {\"claim\": ...}"
                + " with one of \"equals\", \"like\", \"present\"", "{\"claim\"");
    }

    @Test
    void refusesAConditionWithTwoOperators() {
        String json = DocumentText.withCondition("{\"claim\": \"mail\", \"like\": \"*\", \"equals\": \"a\"}");
        assertRefused(json, "rules[0].conditions[0]: a condition has one operator, not both \"equals\" and \"like\"",
                "\"like\"");
    }

    @Test
    void refusesAClaimOperatorWithoutAClaim() {
        String json = DocumentText.withCondition("{\"like\": \"*\"}");
        assertRefused(json, "rules[0].conditions[0]: missing required field \"claim\"", "{\"like\"");
    }

    @Test
    void refusesAClaimBesideMemberOf() {
        String json = DocumentText.withCondition("{\"memberOf\": \"Admins\", \"claim\": \"groups\"}");
        assertRefused(json, "rules[0].conditions[0]: field \"claim\" does not belong in a \"memberOf\" condition",
                "\"claim\"");
    }

    @Test
    void refusesIgnoreCaseBesidePresent() {
        String json = DocumentText.withCondition("{\"claim\": \"mail\", \"present\": true, \"ignoreCase\": true}");
        assertRefused(json, "rules[0].conditions[0]: field \"ignoreCase\" does not belong in a \"present\" condition",
                "\"ignoreCase\"");
    }

    @Test
    void refusesPresentOtherThanTrue() {
        String json = DocumentText.withCondition("{\"claim\": \"mail\", \"present\": false}");
        assertRefused(json, "rules[0].conditions[0].present: must be true", "false");
    }

    @Test
    void refusesIgnoreCaseThatIsNotABoolean() {
        String json = DocumentText.withCondition("{\"claim\": \"mail\", \"like\": \"*\", \"ignoreCase\": \"yes\"}");
        assertRefused(json, "rules[0].conditions[0].ignoreCase: must be true or false, not string", "\"yes\"");
    }

    @Test
    void refusesAnEqualsValueThatIsNotAStringAtTheValue() {
        String json = DocumentText.withCondition("{\"claim\": \"level\", \"equals\": [\"1\", 2]}");
        assertRefused(json, "rules[0].conditions[0].equals[1]: must be a string, not number", "2]");
    }

    @Test
    void refusesAnEmptyEqualsAtTheArray() {
        String json = DocumentText.withCondition("{\"claim\": \"level\", \"equals\": []}");
        assertRefused(json, "rules[0].conditions[0].equals: must list 1 to 50 values", "[]}");
    }

    @Test
    void refusesAnUnknownSessionTagField() {
        String json = DocumentText.withSessionTag("{\"key\": \"k\", \"claim\": \"c\"}");
        assertRefused(json, "rules[0].sessionTags[0]: unknown field \"claim\"; expected one of "
                + "[\"fromClaim\", \"key\", \"optional\"]", "\"claim\"");
    }

    @Test
    void refusesAnInvalidSessionTagKeyAtTheKey() {
        String json = DocumentText.withSessionTag("{\"key\": \"cost!center\", \"fromClaim\": \"c\"}");
        assertRefused(json, "rules[0].sessionTags[0].key: \"cost!center\" must be 1 to 128 letters, digits, spaces"
                + " or _.:/=+-@", "\"cost!center\"");
    }

    @Test
    void refusesDuplicateSessionTagKeysAtTheSecondKey() {
        String json = document().rule(ruleText("r").sessionTag("{\"key\": \"team\", \"fromClaim\": \"a\"}")
                .sessionTag("{\"key\": \"Team\", \"fromClaim\": \"b\"}")).json();
        assertRefused(json, "rules[0].sessionTags[1].key: duplicate session tag key \"Team\" (keys ignore case)",
                "\"Team\"");
    }

    // --- Arbitrary rules for the round trip ------------------------------------------------------

    private static RoleMappingRules randomRules() {
        List<RoleMappingRule> rules = new ArrayList<>();
        int count = RANDOM.nextInt(5);
        for (int i = 0; i < count; i++) {
            RuleBuilder rule = rule("rule-" + i).role("path/Role" + RANDOM.nextInt(3));
            for (int c = RANDOM.nextInt(4); c > 0; c--) {
                rule.when(randomCondition());
            }
            for (int t = RANDOM.nextInt(3); t > 0; t--) {
                rule = RANDOM.nextBoolean() ? rule.tag("key " + t, text()) : rule.optionalTag("key:" + t, text());
            }
            rules.add(rule.build());
        }
        return new RoleMappingRules(RANDOM.nextBoolean() ? MatchMode.FIRST_MATCH : MatchMode.ALL_MATCHES, rules);
    }

    private static MappingCondition randomCondition() {
        return switch (RANDOM.nextInt(4)) {
            case 0 -> new MappingCondition.ClaimEquals(text(), List.of(text(), text()), RANDOM.nextBoolean());
            case 1 -> new MappingCondition.ClaimLike(text(), text() + "*?", RANDOM.nextBoolean());
            case 2 -> new MappingCondition.ClaimPresent(text());
            default -> new MappingCondition.MemberOf(text());
        };
    }

    /** Text with what JSON must escape: quotes, backslashes, control characters, line separators. */
    private static String text() {
        String alphabet = "aZ9 \"\\/\n\t\u0001\u2028äé€\uD83D\uDE00:*";
        StringBuilder out = new StringBuilder("c");
        for (int i = RANDOM.nextInt(8); i > 0; i--) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
