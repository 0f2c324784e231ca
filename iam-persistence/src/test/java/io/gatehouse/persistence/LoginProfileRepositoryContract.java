package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.identity.LoginProfile;
import io.gatehouse.core.identity.PasswordPolicy;
import io.gatehouse.core.identity.User;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login profiles, password history and account password policies. */
abstract class LoginProfileRepositoryContract extends RepositoryContract {

    private static final PasswordPolicy STRICT = new PasswordPolicy(14, true, true, true, true, true,
            Optional.of(90), Optional.of(5), Optional.of(false));
    private static final PasswordPolicy LOOSE = new PasswordPolicy(6, false, false, false, false, false,
            Optional.empty(), Optional.empty(), Optional.empty());

    @Test
    void findsACreatedProfile() {
        User user = givenUser(givenAccount(), "alice");
        LoginProfile profile = new LoginProfile(user.userId(), "hash-1", T0, at(1), true);

        store.run(r -> r.loginProfiles().create(profile));

        assertEquals(Optional.of(profile), store.inTransaction(r -> r.loginProfiles().find(user.userId())));
    }

    @Test
    void aSecondProfileForTheSameUserAlreadyExists() {
        User user = givenUser(givenAccount(), "alice");
        store.run(r -> r.loginProfiles().create(new LoginProfile(user.userId(), "hash-1", T0, T0, false)));

        assertIamError(ErrorCode.ENTITY_ALREADY_EXISTS, () -> store.run(r -> r.loginProfiles()
                .create(new LoginProfile(user.userId(), "hash-2", T0, T0, false))));
    }

    @Test
    void updatesPasswordAndResetFlag() {
        User user = givenUser(givenAccount(), "alice");
        LoginProfile profile = new LoginProfile(user.userId(), "hash-1", T0, T0, false);
        store.run(r -> r.loginProfiles().create(profile));

        store.run(r -> r.loginProfiles().update(profile.withPassword("hash-2", at(60), true)));

        LoginProfile found = store.inTransaction(r -> r.loginProfiles().find(user.userId())).orElseThrow();
        assertEquals("hash-2", found.passwordHash());
        assertEquals(at(60), found.passwordLastChanged());
        assertEquals(T0, found.createDate());
        assertTrue(found.passwordResetRequired());
    }

    @Test
    void remembersRecentPasswordHashesNewestFirst() {
        User user = givenUser(givenAccount(), "alice");
        store.run(r -> {
            r.loginProfiles().create(new LoginProfile(user.userId(), "hash-3", T0, T0, false));
            r.loginProfiles().rememberPasswordHash(user.userId(), "hash-1", at(1));
            r.loginProfiles().rememberPasswordHash(user.userId(), "hash-2", at(2));
            r.loginProfiles().rememberPasswordHash(user.userId(), "hash-3", at(3));
        });

        assertEquals(List.of("hash-3", "hash-2"),
                store.inTransaction(r -> r.loginProfiles().recentPasswordHashes(user.userId(), 2)));
    }

    @Test
    void deletingTheProfileForgetsItsHistory() {
        User user = givenUser(givenAccount(), "alice");
        store.run(r -> {
            r.loginProfiles().create(new LoginProfile(user.userId(), "hash-1", T0, T0, false));
            r.loginProfiles().rememberPasswordHash(user.userId(), "hash-1", T0);
        });

        store.run(r -> r.loginProfiles().delete(user.userId()));

        assertEquals(Optional.empty(), store.inTransaction(r -> r.loginProfiles().find(user.userId())));
        assertEquals(List.of(), store.inTransaction(r -> r.loginProfiles().recentPasswordHashes(user.userId(), 24)));
        store.run(r -> r.users().delete(user));
    }

    @Test
    void aUserWithAProfileCannotBeDeleted() {
        User user = givenUser(givenAccount(), "alice");
        store.run(r -> r.loginProfiles().create(new LoginProfile(user.userId(), "hash-1", T0, T0, false)));

        assertIamError(ErrorCode.DELETE_CONFLICT, () -> store.run(r -> r.users().delete(user)));
    }

    @Test
    void storesReplacesAndDeletesTheAccountPasswordPolicy() {
        AccountId account = givenAccount();
        assertEquals(Optional.empty(), store.inTransaction(r -> r.passwordPolicies().find(account)));

        store.run(r -> r.passwordPolicies().put(account, STRICT));
        assertEquals(Optional.of(STRICT), store.inTransaction(r -> r.passwordPolicies().find(account)));

        store.run(r -> r.passwordPolicies().put(account, LOOSE));
        assertEquals(Optional.of(LOOSE), store.inTransaction(r -> r.passwordPolicies().find(account)));

        assertTrue(holds(r -> r.passwordPolicies().delete(account)));
        assertFalse(holds(r -> r.passwordPolicies().delete(account)));
        assertEquals(Optional.empty(), store.inTransaction(r -> r.passwordPolicies().find(account)));
    }
}
