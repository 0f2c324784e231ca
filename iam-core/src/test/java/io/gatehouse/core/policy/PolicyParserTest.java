package io.gatehouse.core.policy;

import static io.gatehouse.core.policy.PolicyJson.allow;
import static io.gatehouse.core.policy.PolicyJson.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.core.error.ErrorCode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyParserTest {

    private static MalformedPolicyException rejects(String json, PolicyKind kind) {
        return assertThrows(MalformedPolicyException.class, () -> PolicyParser.parse(json, kind));
    }

    @Test
    void readsASingleStatementObjectLikeAnArrayOfOne() {
        // IAM accepts Statement as one object or as an array of statements.
        PolicyDocument doc = PolicyParser.parse("""
                {"Version":"2012-10-17","Id":"p1","Statement":{"Sid":"One","Effect":"Allow",
                 "Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}""", PolicyKind.IDENTITY);
        assertEquals(1, doc.statements().size());
        Statement s = doc.statements().get(0);
        assertEquals(Optional.of("One"), s.sid());
        assertEquals(Optional.of("p1"), doc.id());
        assertEquals(List.of("s3:GetObject"), s.action().patterns());
        assertEquals(Effect.ALLOW, s.effect());
    }

    @Test
    void readsStringOrArrayForActionsAndResources() {
        PolicyDocument doc = PolicyParser.parse(policy()
                .with(allow("s3:GetObject", "s3:PutObject").resource("arn:aws:s3:::a/*", "arn:aws:s3:::b/*"))
                .json(), PolicyKind.IDENTITY);
        assertEquals(2, doc.statements().get(0).action().patterns().size());
        assertEquals(2, doc.statements().get(0).resource().orElseThrow().patterns().size());
    }

    @Test
    void treatsAMissingVersionAs2008() {
        // Without Version, IAM applies the 2008-10-17 language, which has no policy variables.
        PolicyDocument doc = PolicyParser.parse(policy().noVersion().with(allow("s3:*")).json(), PolicyKind.IDENTITY);
        assertEquals(PolicyVersion.V2008_10_17, doc.version());
    }

    @Test
    void rejectsAnUnknownVersionAtItsValue() {
        MalformedPolicyException e = rejects("{\"Version\": \"2020-01-01\", \"Statement\": []}", PolicyKind.IDENTITY);
        assertEquals(1, e.line());
        assertEquals(13, e.column());
        assertEquals(ErrorCode.MALFORMED_POLICY_DOCUMENT, e.code());
    }

    @Test
    void reportsSyntaxErrorsWithTheirPosition() {
        MalformedPolicyException e = rejects("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n}",
                PolicyKind.IDENTITY);
        assertEquals(4, e.line());
        assertEquals(1, e.column());
        assertTrue(e.getMessage().contains("line 4, column 1"), e.getMessage());
    }

    @Test
    void rejectsDuplicateKeysWithinAStatement() {
        // IAM refuses a repeated element rather than keeping one of the two.
        MalformedPolicyException e = rejects("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*",
                "Action":"ec2:*","Resource":"*"}}""", PolicyKind.IDENTITY);
        assertEquals(2, e.line());
        assertEquals(1, e.column());
        assertTrue(e.reason().contains("Duplicate key Action"));
    }

    @Test
    void rejectsUnknownElements() {
        MalformedPolicyException e = rejects("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Actoin":"x"}}""",
                PolicyKind.IDENTITY);
        assertEquals("Unknown field Actoin", e.reason());
        assertEquals(86, e.column());
    }

    @Test
    void rejectsUnknownTopLevelElements() {
        assertEquals("Unknown field Statements",
                rejects("{\"Version\":\"2012-10-17\",\"Statements\":[]}", PolicyKind.IDENTITY).reason());
    }

    @Test
    void rejectsBothActionAndNotAction() {
        // A statement lists the actions it covers or those it excludes, never both.
        MalformedPolicyException e = rejects("""
                {"Statement":{"Effect":"Allow","Action":"s3:*","NotAction":"iam:*","Resource":"*"}}""",
                PolicyKind.IDENTITY);
        assertTrue(e.reason().contains("both Action and NotAction"));
    }

    @Test
    void rejectsAStatementWithoutEffect() {
        MalformedPolicyException e = rejects("{\"Statement\":{\"Action\":\"s3:*\",\"Resource\":\"*\"}}",
                PolicyKind.IDENTITY);
        assertEquals("Missing required field Effect", e.reason());
        assertEquals(14, e.column());
    }

    @Test
    void rejectsAnEffectOtherThanAllowOrDeny() {
        // Effect is case-sensitive in IAM: "allow" is not accepted.
        assertTrue(rejects(policy().with(new PolicyJson.StatementJson("allow").action("s3:*")).json(),
                PolicyKind.IDENTITY).reason().startsWith("Invalid effect"));
    }

    @Test
    void rejectsAResourceThatIsNeitherAnArnNorAStar() {
        MalformedPolicyException e = rejects(policy().with(allow("s3:*").resource("bucket/key")).json(),
                PolicyKind.IDENTITY);
        assertTrue(e.reason().contains("must be in ARN format"));
    }

    @Test
    void rejectsAnArnWithTooFewFields() {
        rejects(policy().with(allow("s3:*").resource("arn:aws:s3:::")).json().replace(":::\"", "::\""),
                PolicyKind.IDENTITY);
    }

    @Test
    void rejectsAnActionWithoutServicePrefix() {
        assertTrue(rejects(policy().with(allow("GetObject")).json(), PolicyKind.IDENTITY).reason()
                .contains("service prefix"));
    }

    @Test
    void rejectsAnUnknownConditionOperatorAtItsName() {
        MalformedPolicyException e = rejects(policy()
                .with(allow("s3:*").condition("StringEqualz", "aws:username", "x")).json(), PolicyKind.IDENTITY);
        assertEquals("Unknown condition operator StringEqualz", e.reason());
    }

    @Test
    void acceptsQualifiedAndIfExistsOperators() {
        PolicyDocument doc = PolicyParser.parse(policy().with(allow("s3:*")
                .condition("ForAnyValue:StringLikeIfExists", "aws:TagKeys", "env*")).json(), PolicyKind.IDENTITY);
        ConditionOperator op = doc.statements().get(0).conditions().get(0).operator();
        assertEquals(ConditionOperator.SetQualifier.FOR_ANY_VALUE, op.qualifier());
        assertEquals(ConditionOperatorType.STRING_LIKE, op.type());
        assertTrue(op.ifExists());
    }

    @Test
    void rejectsAValueOfTheWrongTypeForTheOperator() {
        // Numeric, date, Bool, IP and binary operators need values of their type.
        assertTrue(rejects(policy().with(allow("s3:*").condition("NumericLessThan", "s3:max-keys", "ten")).json(),
                PolicyKind.IDENTITY).reason().contains("expected a number"));
        rejects(policy().with(allow("s3:*").condition("DateGreaterThan", "aws:CurrentTime", "yesterday")).json(),
                PolicyKind.IDENTITY);
        rejects(policy().with(allow("s3:*").condition("Bool", "aws:SecureTransport", "yes")).json(),
                PolicyKind.IDENTITY);
        rejects(policy().with(allow("s3:*").condition("IpAddress", "aws:SourceIp", "10.0.0.0/33")).json(),
                PolicyKind.IDENTITY);
        rejects(policy().with(allow("s3:*").condition("BinaryEquals", "k", "***")).json(), PolicyKind.IDENTITY);
    }

    @Test
    void rejectsAnObjectWhereAStringIsExpected() {
        MalformedPolicyException e = rejects("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":{\"a\":1},"
                + "\"Resource\":\"*\"}}", PolicyKind.IDENTITY);
        assertTrue(e.reason().contains("must be a string or an array of strings, not an object"));
    }

    @Test
    void acceptsNumbersAndBooleansAsConditionValues() {
        // IAM accepts JSON numbers and booleans in condition values and reads them as text.
        PolicyDocument doc = PolicyParser.parse("""
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*",
                "Condition":{"Bool":{"aws:SecureTransport":true},"NumericLessThan":{"s3:max-keys":[10, 2.5]}}}}""",
                PolicyKind.IDENTITY);
        assertEquals(List.of("true"), doc.statements().get(0).conditions().get(0).values());
        assertEquals(List.of("10", "2.5"), doc.statements().get(0).conditions().get(1).values());
    }

    @Test
    void prohibitsPrincipalInIdentityPolicies() {
        // An identity-based policy applies to whoever it is attached to, so it names no principal.
        MalformedPolicyException e = rejects(policy().with(allow("s3:*").principal("*")).json(), PolicyKind.IDENTITY);
        assertTrue(e.reason().startsWith("Has prohibited field Principal"));
    }

    @Test
    void requiresPrincipalInResourcePolicies() {
        assertEquals("Missing required field Principal",
                rejects(policy().with(allow("s3:*")).json(), PolicyKind.RESOURCE).reason());
    }

    @Test
    void prohibitsResourceInTrustPolicies() {
        // A role's trust policy is attached to the role, which is the resource.
        MalformedPolicyException e = rejects(policy().with(allow("sts:AssumeRole").principal("111122223333")).json(),
                PolicyKind.TRUST);
        assertTrue(e.reason().startsWith("Has prohibited field Resource"));
    }

    @Test
    void readsEveryPrincipalType() {
        PolicyDocument doc = PolicyParser.parse(policy().with(allow("sts:AssumeRole").noResource().principalJson("""
                {"AWS":["arn:aws:iam::111122223333:role/R","111122223333"],"Service":"ec2.amazonaws.com",
                 "Federated":"accounts.google.com","CanonicalUser":"79a59df900b949e55d96a1e698fbaced"}""")).json(),
                PolicyKind.TRUST);
        PrincipalElement p = doc.statements().get(0).principal().orElseThrow();
        assertInstanceOf(PrincipalElement.Principal.class, p);
        assertEquals(5, p.ids().size());
        assertEquals(PrincipalType.SERVICE, p.ids().get(2).type());
    }

    @Test
    void rejectsAnInvalidAwsPrincipal() {
        assertTrue(rejects(policy().with(allow("s3:*").principal("alice")).json(), PolicyKind.RESOURCE).reason()
                .startsWith("Invalid principal in policy"));
    }

    @Test
    void rejectsNonAlphanumericSidsInIamPolicies() {
        rejects(policy().with(allow("s3:*").sid("my sid")).json(), PolicyKind.IDENTITY);
    }

    @Test
    void rejectsDuplicateSids() {
        rejects(policy().with(allow("s3:*").sid("A")).with(allow("ec2:*").sid("A")).json(), PolicyKind.IDENTITY);
    }

    @Test
    void rejectsEmptyArrays() {
        rejects("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":[],\"Resource\":\"*\"}}", PolicyKind.IDENTITY);
    }
}
