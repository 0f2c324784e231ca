package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
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

/**
 * AWS: when the account's password policy sets AllowUsersToChangePassword, every IAM user may
 * change their own password without a policy granting iam:ChangePassword.
 */
class SelfServicePasswordChangeTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private static final User ALICE = new User(ACCOUNT, "AIDAALICE0000000000A", "alice", "/", Instant.EPOCH, List.of());
    private static final Caller AS_ALICE = Caller.user(ALICE, "AKIAALICE");
    private static final Arn BOB = Arn.iam(ACCOUNT, "user", "/", "bob");
    private static final RequestFacts FACTS = new RequestFacts("192.0.2.10", false, Instant.parse("2026-01-02T03:04:05Z"));

    private static PolicyAuthorizer authorizer(PolicySet policies, boolean usersMayChangePasswords) {
        return new PolicyAuthorizer(new FixedPolicies(policies), new InMemoryRoles(), new PolicyEvaluator(),
                account -> usersMayChangePasswords);
    }

    private static void assertDenied(org.junit.jupiter.api.function.Executable call) {
        assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(IamException.class, call).code());
    }

    @Test
    void aUserWithoutPoliciesMayChangeTheirOwnPasswordWhenThePasswordPolicyAllowsIt() {
        assertDoesNotThrow(() -> authorizer(PolicySet.builder().build(), true)
                .authorize(AS_ALICE, "iam:ChangePassword", ALICE.arn(), FACTS));
    }

    @Test
    void withoutThePasswordPolicysPermissionTheUserNeedsAPolicy() {
        assertDenied(() -> authorizer(PolicySet.builder().build(), false)
                .authorize(AS_ALICE, "iam:ChangePassword", ALICE.arn(), FACTS));
    }

    @Test
    void thePermissionCoversOnlyTheCallersOwnUser() {
        assertDenied(() -> authorizer(PolicySet.builder().build(), true)
                .authorize(AS_ALICE, "iam:ChangePassword", BOB, FACTS));
    }

    @Test
    void thePermissionCoversNoOtherAction() {
        assertDenied(() -> authorizer(PolicySet.builder().build(), true)
                .authorize(AS_ALICE, "iam:UpdateLoginProfile", ALICE.arn(), FACTS));
    }

    @Test
    void anExplicitDenyStillWins() {
        PolicySet denying = PolicySet.builder().identityPolicy(CompiledPolicy.parse("no-password-changes", PolicyType.IDENTITY,
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"iam:ChangePassword\",\"Resource\":\"*\"}]}"))
                .build();

        assertDenied(() -> authorizer(denying, true).authorize(AS_ALICE, "iam:ChangePassword", ALICE.arn(), FACTS));
    }
}
