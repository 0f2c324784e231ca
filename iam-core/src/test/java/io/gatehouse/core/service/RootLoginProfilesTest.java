package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.CredentialGenerator;
import io.gatehouse.core.credential.PasswordHasher;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Account;
import io.gatehouse.core.identity.PasswordPolicy;
import io.gatehouse.core.port.PasswordPolicyRepository;
import io.gatehouse.core.sts.RootTaskPolicy;
import io.gatehouse.core.sts.SessionPrincipal;
import io.gatehouse.core.sts.SessionToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The root user's password from an AssumeRoot task session, then its sign-in. */
class RootLoginProfilesTest {

    private static final AccountId MEMBER = new AccountId("222222222222");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final PasswordHasher hasher = new PasswordHasher();
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private Optional<PasswordPolicy> policy = Optional.empty();
    private final RootLoginProfiles profiles = new RootLoginProfiles(accounts, new PasswordPolicyRepository() {
        @Override
        public Optional<PasswordPolicy> find(AccountId account) {
            return policy;
        }

        @Override
        public void put(AccountId account, PasswordPolicy p) {
        }

        @Override
        public boolean delete(AccountId account) {
            return false;
        }
    }, hasher, CLOCK);

    RootLoginProfilesTest() {
        accounts.create(new Account(MEMBER, "member", "member@example.com", NOW.minusSeconds(3600)),
                PasswordHasher.NO_PASSWORD);
    }

    private static Caller task(RootTaskPolicy task) {
        return Caller.session(new SessionToken("ASIAROOTTASK00000000", new CredentialGenerator().secretAccessKey(),
                new SessionPrincipal.RootSession(MEMBER), NOW, NOW.plusSeconds(900), Optional.empty(), Optional.empty(),
                List.of(task.arn()), List.of(), Set.of(), Optional.empty(), false), Optional.empty());
    }

    @Test
    void aCreatePasswordTaskSetsThePasswordTheRootThenSignsInWith() {
        profiles.create(task(RootTaskPolicy.IAM_CREATE_ROOT_USER_PASSWORD), "Fresh-Passw0rd");

        assertEquals(NOW, profiles.get(task(RootTaskPolicy.IAM_AUDIT_ROOT_USER_CREDENTIALS)).createDate());
        Caller root = new RootSignIn(accounts, hasher).signIn("member@example.com", "Fresh-Passw0rd");
        assertEquals(MEMBER, root.account());
    }

    @Test
    void aSecondPasswordIsRefusedUntilTheFirstIsDeleted() {
        Caller create = task(RootTaskPolicy.IAM_CREATE_ROOT_USER_PASSWORD);
        profiles.create(create, "Fresh-Passw0rd");

        error(ErrorCode.ENTITY_ALREADY_EXISTS, () -> profiles.create(create, "Other-Passw0rd"));
        profiles.delete(task(RootTaskPolicy.IAM_DELETE_ROOT_USER_CREDENTIALS));
        error(ErrorCode.NO_SUCH_ENTITY, () -> profiles.get(create));
        profiles.create(create, "Other-Passw0rd");
    }

    @Test
    void theAccountPasswordPolicyJudgesTheRootPassword() {
        policy = Optional.of(new PasswordPolicy(20, false, false, false, false, false, Optional.empty(),
                Optional.empty(), Optional.empty()));

        error(ErrorCode.PASSWORD_POLICY_VIOLATION,
                () -> profiles.create(task(RootTaskPolicy.IAM_CREATE_ROOT_USER_PASSWORD), "Fresh-Passw0rd"));
    }

    @Test
    void onlyARootTaskSessionReachesTheRootPassword() {
        Caller rootKeys = Caller.root(MEMBER, "AKIAROOT");

        error(ErrorCode.VALIDATION_ERROR, () -> profiles.create(rootKeys, "Fresh-Passw0rd"));
    }

    private static void error(ErrorCode code, Executable call) {
        IamException e = assertThrows(IamException.class, call);
        assertEquals(code, e.code(), e.getMessage());
    }
}
