package io.gatehouse.federation.mapping;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static io.gatehouse.federation.mapping.RuleBuilder.claimPresent;
import static io.gatehouse.federation.mapping.RuleBuilder.roleArn;
import static io.gatehouse.federation.mapping.RuleBuilder.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rules' limits and constraints, checked whenever rules are built: on save, from a document or not. */
class RuleValidationTest {

    private static InvalidRoleMappingException refused(Executable construction) {
        return assertThrows(InvalidRoleMappingException.class, construction);
    }

    private static void assertRefused(String path, String message, Executable construction) {
        InvalidRoleMappingException e = refused(construction);
        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
        assertEquals(path, e.path());
        assertEquals(path + ": " + message, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "two words", "semi;colon", "x-65-characters-long-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void refusesRuleNamesThatAreNotIamNames(String name) {
        assertRefused("name", JsonText.quote(name) + " must be 1 to 64 letters, digits or _+=,.@-",
                () -> rule(name).build());
    }

    @Test
    void refusesMoreThanTenConditions() {
        MappingCondition[] eleven = Collections.nCopies(11, claimPresent("email")).toArray(MappingCondition[]::new);
        assertRefused("conditions", "a rule has at most 10 conditions, not 11", () -> rule("r").when(eleven).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:aws:iam::123456789012:user/alice", "arn:aws:s3:::bucket/role/x",
            "arn:aws:iam:us-east-1:123456789012:role/Admin", "arn:aws:iam::12345:role/Admin",
            "arn:aws:iam::123456789012:role/", "arn:aws:iam::123456789012:role/path/"})
    void refusesARoleArnThatIsNotAnIamRole(String arn) {
        assertRefused("role", JsonText.quote(arn) + " is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)",
                () -> new RoleMappingRule("r", List.of(), Arn.parse(arn), List.of()));
    }

    @Test
    void acceptsARoleWithAPath() {
        Arn arn = Arn.parse("arn:aws:iam::123456789012:role/division/Admin");
        assertEquals(arn, new RoleMappingRule("r", List.of(), arn, List.of()).roleArn());
    }

    @Test
    void refusesMoreThanFiftySessionTags() {
        List<SessionTagFromClaim> tags = IntStream.range(0, 51)
                .mapToObj(i -> SessionTagFromClaim.required("k" + i, "c")).toList();
        assertRefused("sessionTags", "a session has at most 50 tags, not 51",
                () -> new RoleMappingRule("r", List.of(), roleArn("R"), tags));
    }

    @Test
    void refusesSessionTagKeysThatDifferOnlyInCase() {
        assertRefused("sessionTags[1].key", "duplicate session tag key \"team\" (keys ignore case)",
                () -> rule("r").tag("Team", "team").tag("team", "group").build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "cost!center", "x-129-characters-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void refusesSessionTagKeysAwsRefuses(String key) {
        assertRefused("key", JsonText.quote(key) + " must be 1 to 128 letters, digits, spaces or _.:/=+-@",
                () -> SessionTagFromClaim.required(key, "claim"));
    }

    @Test
    void acceptsSessionTagKeysWithEveryCharacterAwsAllows() {
        String key = "Cost Center_.:/=+-@ä1";
        assertEquals(key, SessionTagFromClaim.required(key, "claim").tagKey());
    }

    @Test
    void refusesSessionTagKeysInTheAwsNamespace() {
        assertRefused("key", "\"AWS:PrincipalTag\" must not begin with aws:",
                () -> SessionTagFromClaim.required("AWS:PrincipalTag", "claim"));
    }

    @Test
    void refusesASessionTagFromAnUnnamedClaim() {
        assertRefused("fromClaim", "must be 1 to 256 characters", () -> SessionTagFromClaim.required("k", ""));
    }

    @Test
    void refusesEmptyAndOverlongClaimNames() {
        assertRefused("claim", "must be 1 to 256 characters", () -> new MappingCondition.ClaimPresent(""));
        assertRefused("claim", "must be 1 to 256 characters",
                () -> new MappingCondition.ClaimPresent("c".repeat(257)));
    }

    @Test
    void refusesClaimEqualsWithoutValuesOrWithTooMany() {
        assertRefused("equals", "must list 1 to 50 values",
                () -> new MappingCondition.ClaimEquals("c", List.of(), false));
        assertRefused("equals", "must list 1 to 50 values",
                () -> new MappingCondition.ClaimEquals("c", Collections.nCopies(51, "v"), false));
    }

    @Test
    void refusesAnOverlongValueNamingItsIndex() {
        assertRefused("equals[1]", "must be 0 to 1024 characters",
                () -> new MappingCondition.ClaimEquals("c", List.of("ok", "v".repeat(1025)), false));
    }

    @Test
    void refusesAnEmptyPatternAndTheGlobsPrivateWildcardCharacters() {
        assertRefused("like", "must be 1 to 1024 characters", () -> new MappingCondition.ClaimLike("c", "", false));
        assertRefused("like", "must not contain the characters U+E000 or U+E001",
                () -> new MappingCondition.ClaimLike("c", "a\uE000b", false));
    }

    @Test
    void refusesAnEmptyGroup() {
        assertRefused("memberOf", "must be 1 to 1024 characters", () -> new MappingCondition.MemberOf(""));
    }

    @Test
    void refusesMoreThanOneHundredRules() {
        List<RoleMappingRule> rules = IntStream.range(0, 101).mapToObj(i -> rule("r" + i).build()).toList();
        assertRefused("rules", "a provider has at most 100 rules, not 101", () -> RoleMappingRules.firstMatch(rules));
    }

    @Test
    void acceptsExactlyOneHundredRules() {
        List<RoleMappingRule> rules = IntStream.range(0, 100).mapToObj(i -> rule("r" + i).build()).toList();
        assertEquals(100, RoleMappingRules.firstMatch(rules).rules().size());
    }

    @Test
    void refusesRuleNamesThatDifferOnlyInCase() {
        assertRefused("rules[2].name", "duplicate rule name \"ADMINS\", already used by rules[0] (names ignore case)",
                () -> RoleMappingRules.allMatches(List.of(rule("admins").build(), rule("devs").build(),
                        rule("ADMINS").build())));
    }
}
