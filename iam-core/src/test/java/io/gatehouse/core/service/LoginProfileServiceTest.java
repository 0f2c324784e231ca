package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.PasswordHasher;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.LoginProfile;
import io.gatehouse.core.identity.PasswordPolicy;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.port.LoginProfileRepository;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.PasswordPolicyRepository;
import io.gatehouse.core.port.UserRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The password rules applied on every password set: create, update and change. (Real PBKDF2: a few calls only.) */
class LoginProfileServiceTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private static final User ALICE = new User(ACCOUNT, "AIDAALICE0000000000000", "alice", "/", Instant.EPOCH, List.of());
    private static final PasswordPolicy REUSE_TWO = new PasswordPolicy(8, false, true, false, false, true,
            Optional.empty(), Optional.of(2), Optional.empty());

    private final Map<String, LoginProfile> profiles = new HashMap<>();
    private final List<String> history = new ArrayList<>();
    private Optional<PasswordPolicy> policy = Optional.empty();
    private final LoginProfileService service = new LoginProfileService(new Profiles(), new Policies(), new Users(),
            new PasswordHasher(), Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void storesOnlyAHashOfThePassword() {
        LoginProfile profile = service.create(ACCOUNT, "alice", "Secret-Pass-1", true);

        assertFalse(profile.passwordHash().contains("Secret-Pass-1"));
        assertTrue(profile.passwordHash().startsWith("pbkdf2-sha256$600000$"));
        assertTrue(profile.passwordResetRequired());
    }

    @Test
    void creationIsCheckedAgainstTheAccountPolicy() {
        policy = Optional.of(REUSE_TWO);

        IamException e = assertCode(ErrorCode.PASSWORD_POLICY_VIOLATION,
                () -> service.create(ACCOUNT, "alice", "no-digits-here", false));

        assertTrue(e.getMessage().contains("at least one number"), e.getMessage());
        assertTrue(profiles.isEmpty());
    }

    @Test
    void anUpdateMayNotReuseARecentPassword() {
        policy = Optional.of(REUSE_TWO);
        service.create(ACCOUNT, "alice", "First-Pass-1", false);

        IamException e = assertCode(ErrorCode.PASSWORD_POLICY_VIOLATION,
                () -> service.update(ACCOUNT, "alice", Optional.of("First-Pass-1"), Optional.empty()));

        assertTrue(e.getMessage().contains("previous 2 passwords"), e.getMessage());
    }

    @Test
    void changingNeedsTheRightOldPasswordAndClearsTheResetFlag() {
        String before = service.create(ACCOUNT, "alice", "First-Pass-1", true).passwordHash();
        Caller alice = Caller.user(ALICE, "AKIAALICE00000000000");

        assertCode(ErrorCode.ACCESS_DENIED, () -> service.changePassword(alice, "Wrong-Pass-1", "Second-Pass-2"));
        service.changePassword(alice, "First-Pass-1", "Second-Pass-2");

        LoginProfile after = profiles.get(ALICE.userId());
        assertNotEquals(before, after.passwordHash());
        assertFalse(after.passwordResetRequired());
    }

    @Test
    void withHardExpiryAnExpiredPasswordCannotBeChangedByItsUser() {
        profiles.put(ALICE.userId(), new LoginProfile(ALICE.userId(), new PasswordHasher().hash("First-Pass-1".toCharArray()),
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), false));
        policy = Optional.of(new PasswordPolicy(8, false, false, false, false, true, Optional.of(30), Optional.empty(),
                Optional.of(true)));

        IamException e = assertCode(ErrorCode.ACCESS_DENIED,
                () -> service.changePassword(Caller.user(ALICE, "AKIAALICE00000000000"), "First-Pass-1", "Second-Pass-2"));

        assertTrue(e.getMessage().contains("expired"), e.getMessage());
    }

    @Test
    void theRootUserIsTheWrongTypeOfUserToChangeAPasswordThisWay() {
        assertCode(ErrorCode.INVALID_USER_TYPE,
                () -> service.changePassword(Caller.root(ACCOUNT, "AKIAROOT000000000000"), "Old-Pass-1", "New-Pass-2"));
    }

    @Test
    void aPasswordTooLongForTheModelFailsValidationWithoutEchoingIt() {
        String tooLong = "A1-" + "x".repeat(130);

        IamException e = assertCode(ErrorCode.VALIDATION_ERROR, () -> service.create(ACCOUNT, "alice", tooLong, false));

        assertFalse(e.getMessage().contains(tooLong), e.getMessage());
    }

    private static IamException assertCode(ErrorCode code, Executable call) {
        IamException e = assertThrows(IamException.class, call);
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    private final class Profiles implements LoginProfileRepository {
        @Override
        public Optional<LoginProfile> find(String userId) {
            return Optional.ofNullable(profiles.get(userId));
        }

        @Override
        public void create(LoginProfile profile) {
            profiles.put(profile.userId(), profile);
        }

        @Override
        public void update(LoginProfile profile) {
            profiles.put(profile.userId(), profile);
        }

        @Override
        public void delete(String userId) {
            profiles.remove(userId);
            history.clear();
        }

        @Override
        public List<String> recentPasswordHashes(String userId, int limit) {
            List<String> newestFirst = new ArrayList<>(history);
            java.util.Collections.reverse(newestFirst);
            return newestFirst.subList(0, Math.min(limit, newestFirst.size()));
        }

        @Override
        public void rememberPasswordHash(String userId, String passwordHash, Instant setAt) {
            history.add(passwordHash);
        }
    }

    private final class Policies implements PasswordPolicyRepository {
        @Override
        public Optional<PasswordPolicy> find(AccountId account) {
            return policy;
        }

        @Override
        public void put(AccountId account, PasswordPolicy newPolicy) {
            policy = Optional.of(newPolicy);
        }

        @Override
        public boolean delete(AccountId account) {
            boolean had = policy.isPresent();
            policy = Optional.empty();
            return had;
        }
    }

    private static final class Users implements UserRepository {
        @Override
        public Optional<User> findByName(AccountId account, String name) {
            return name.equalsIgnoreCase(ALICE.name()) ? Optional.of(ALICE) : Optional.empty();
        }

        @Override
        public Optional<User> findById(String userId) {
            return userId.equals(ALICE.userId()) ? Optional.of(ALICE) : Optional.empty();
        }

        @Override
        public Page<User> list(AccountId account, String pathPrefix, PageRequest page) {
            return new Page<>(List.of(ALICE), Optional.empty());
        }

        @Override
        public long count(AccountId account) {
            return 1;
        }

        @Override
        public void create(User user) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(User user) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(User user) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void putInlinePolicy(User user, String policyName, String document) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> inlinePolicy(User user, String policyName) {
            return Optional.empty();
        }

        @Override
        public java.util.List<String> inlinePolicyNames(User user) {
            return java.util.List.of();
        }

        @Override
        public boolean deleteInlinePolicy(User user, String policyName) {
            return false;
        }
    }
}
