package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.policy.eval.CompiledPolicy;
import io.gatehouse.core.policy.eval.PolicyEvaluator;
import io.gatehouse.core.policy.eval.PolicySet;
import io.gatehouse.core.policy.eval.PolicyType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Authorization of Query API actions by policy evaluation, and AWS's wording of a refusal. */
class PolicyAuthorizerTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private static final User ALICE = new User(ACCOUNT, "AIDAALICE0000000000A", "alice", "/", Instant.EPOCH,
            List.of(new Tag("team", "blue")));
    private static final Caller CALLER = Caller.user(ALICE, "AKIAALICE");
    private static final RequestFacts FACTS = new RequestFacts("192.0.2.10", false, Instant.parse("2026-01-02T03:04:05Z"));
    private static final Arn BOB = Arn.iam(ACCOUNT, "user", "/", "bob");
    private static final Arn OWN_USER = ALICE.arn();

    private static PolicySet.Builder identity(String... statements) {
        PolicySet.Builder set = PolicySet.builder();
        for (int i = 0; i < statements.length; i++) {
            set.identityPolicy(CompiledPolicy.parse("p" + i, PolicyType.IDENTITY, document(statements[i])));
        }
        return set;
    }

    private static String document(String statement) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}";
    }

    private static String allow(String action, String resource) {
        return "{\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}";
    }

    private static String deny(String action, String resource) {
        return "{\"Effect\":\"Deny\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}";
    }

    private static void authorize(PolicySet set, String action, Arn resource) {
        new PolicyAuthorizer(new FixedPolicies(set), new InMemoryRoles(), new PolicyEvaluator()).authorize(CALLER, action, resource, FACTS);
    }

    private static IamException refused(PolicySet set, String action, Arn resource) {
        IamException e = assertThrows(IamException.class, () -> authorize(set, action, resource));
        assertEquals(ErrorCode.ACCESS_DENIED, e.code());
        return e;
    }

    @Test
    void aUserWithoutPoliciesMayDoNothing() {
        IamException e = refused(PolicySet.builder().build(), "iam:ListUsers", BOB);

        assertEquals("User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:ListUsers"
                + " on resource: arn:aws:iam::123456789012:user/bob because no identity-based policy allows the"
                + " iam:ListUsers action", e.getMessage());
    }

    @Test
    void allowsWhatAnIdentityPolicyAllows() {
        assertDoesNotThrow(() -> authorize(identity(allow("iam:Get*", "*")).build(), "iam:GetUser", BOB));
    }

    @Test
    void anExplicitDenyBeatsAnAllowAndIsNamed() {
        IamException e = refused(identity(allow("*", "*"), deny("iam:DeleteUser", "*")).build(), "iam:DeleteUser", BOB);

        assertEquals("User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:DeleteUser"
                + " on resource: arn:aws:iam::123456789012:user/bob with an explicit deny in an identity-based policy",
                e.getMessage());
    }

    @Test
    void deniesWhenBoundaryDoesNotAllow() {
        PolicySet set = identity(allow("*", "*"))
                .permissionBoundary(CompiledPolicy.parse("b", PolicyType.PERMISSION_BOUNDARY,
                        document(allow("iam:List*", "*"))))
                .build();

        assertDoesNotThrow(() -> authorize(set, "iam:ListUsers", BOB));
        IamException e = refused(set, "iam:CreateUser", BOB);
        assertEquals("User: arn:aws:iam::123456789012:user/alice is not authorized to perform: iam:CreateUser"
                + " on resource: arn:aws:iam::123456789012:user/bob because no permissions boundary allows the"
                + " iam:CreateUser action", e.getMessage());
    }

    @Test
    void theUsernameVariableLimitsAUserToItself() {
        PolicySet set = identity(allow("iam:*AccessKey*", "arn:aws:iam::*:user/${aws:username}")).build();

        assertDoesNotThrow(() -> authorize(set, "iam:CreateAccessKey", OWN_USER));
        refused(set, "iam:CreateAccessKey", BOB);
    }

    @Test
    void principalTagsSourceIpAndTransportAreConditionKeys() {
        PolicySet set = identity("""
                {"Effect":"Allow","Action":"iam:GetUser","Resource":"*","Condition":{
                  "StringEquals":{"aws:PrincipalTag/team":"blue","aws:PrincipalType":"User","aws:userid":"AIDAALICE0000000000A"},
                  "IpAddress":{"aws:SourceIp":"192.0.2.0/24"},
                  "Bool":{"aws:SecureTransport":"false"},
                  "DateGreaterThan":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}}}""").build();

        assertDoesNotThrow(() -> authorize(set, "iam:GetUser", BOB));
    }

    @Test
    void multiFactorAuthPresentIsAbsentForLongTermKeys() {
        PolicySet set = identity(allow("*", "*"), """
                {"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Null":{"aws:MultiFactorAuthPresent":"false"}}}""")
                .build();

        assertDoesNotThrow(() -> authorize(set, "iam:GetUser", BOB));
    }

    @Test
    void theRootUserMayDoEverythingInItsOwnAccountOnly() {
        PolicyAuthorizer authorizer = new PolicyAuthorizer(new FixedPolicies(PolicySet.builder().build()),
                new InMemoryRoles(), new PolicyEvaluator());
        Caller root = Caller.root(ACCOUNT, "AKIAROOT");

        assertDoesNotThrow(() -> authorizer.authorize(root, "iam:DeleteUser", BOB, FACTS));
        assertThrows(IamException.class, () -> authorizer.authorize(root, "iam:DeleteUser",
                Arn.iam(new AccountId("210987654321"), "user", "/", "bob"), FACTS));
    }
}
