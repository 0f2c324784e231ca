package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.PasswordPolicy;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.port.GroupRepository;
import io.gatehouse.core.port.PasswordPolicyRepository;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The interim rule's one exception: users changing their own password when the policy allows it. */
class AdministratorsGroupAuthorizerTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private static final User ALICE = new User(ACCOUNT, "AIDAALICE0000000000000", "alice", "/", Instant.EPOCH, List.of());
    private static final User BOB = new User(ACCOUNT, "AIDABOB00000000000000", "bob", "/", Instant.EPOCH, List.of());
    private static final Caller AS_ALICE = Caller.user(ALICE, "AKIAALICE00000000000");

    /** No Administrators group exists: nobody is an administrator. */
    private static final GroupRepository NO_GROUPS = (GroupRepository) Proxy.newProxyInstance(
            GroupRepository.class.getClassLoader(), new Class<?>[] {GroupRepository.class},
            (proxy, method, args) -> method.getReturnType() == Optional.class ? Optional.empty() : null);

    private static Authorizer withPolicy(Optional<PasswordPolicy> policy) {
        PasswordPolicyRepository policies = new PasswordPolicyRepository() {
            @Override
            public Optional<PasswordPolicy> find(AccountId account) {
                return policy;
            }

            @Override
            public void put(AccountId account, PasswordPolicy newPolicy) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean delete(AccountId account) {
                throw new UnsupportedOperationException();
            }
        };
        return new AdministratorsGroupAuthorizer(NO_GROUPS, policies);
    }

    private static Optional<PasswordPolicy> allowingChanges(boolean allow) {
        return Optional.of(new PasswordPolicy(8, false, false, false, false, allow, Optional.empty(), Optional.empty(),
                Optional.empty()));
    }

    @Test
    void aUserMayChangeTheirOwnPasswordWhenThePolicyAllowsIt() {
        assertDoesNotThrow(() -> withPolicy(allowingChanges(true)).authorize(AS_ALICE, "iam:ChangePassword", ALICE.arn()));
    }

    @Test
    void aUserMayNotChangeTheirPasswordWhenThePolicyDoesNotAllowIt() {
        assertDenied(() -> withPolicy(allowingChanges(false)).authorize(AS_ALICE, "iam:ChangePassword", ALICE.arn()));
    }

    @Test
    void withoutAPolicyUsersMayNotChangeTheirPassword() {
        assertDenied(() -> withPolicy(Optional.empty()).authorize(AS_ALICE, "iam:ChangePassword", ALICE.arn()));
    }

    @Test
    void theExceptionCoversOnlyTheCallersOwnUser() {
        assertDenied(() -> withPolicy(allowingChanges(true)).authorize(AS_ALICE, "iam:ChangePassword", BOB.arn()));
    }

    @Test
    void theExceptionCoversNoOtherAction() {
        assertDenied(() -> withPolicy(allowingChanges(true)).authorize(AS_ALICE, "iam:UpdateLoginProfile", ALICE.arn()));
    }

    @Test
    void theRootUserMayStillDoEverything() {
        Caller root = Caller.root(ACCOUNT, "AKIAROOT000000000000");

        assertDoesNotThrow(() -> withPolicy(Optional.empty()).authorize(root, "iam:DeleteUser", Arn.iam(ACCOUNT, "user", "/", "bob")));
    }

    private static void assertDenied(org.junit.jupiter.api.function.Executable call) {
        assertEquals(ErrorCode.ACCESS_DENIED, assertThrows(IamException.class, call).code());
    }
}
