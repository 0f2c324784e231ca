package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.audit.AuditEvent;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.identity.Account;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

abstract class AccountAndAuditContract extends RepositoryContract {

    @Test
    void databaseIsEmptyUntilTheFirstAccount() {
        try (TestDatabase fresh = openDatabase()) {
            SchemaMigrator.migrate(fresh.dataSource());
            try (Store empty = new Store(fresh.dataSource())) {
                assertTrue((boolean) empty.inTransaction(r -> r.accounts().isEmpty()));

                assertEquals(Optional.empty(), empty.inTransaction(r -> r.accounts().oldest()));
                empty.run(r -> r.accounts().create(new Account(new AccountId("923456789012"), "first",
                        "root@example.com", T0), "hash"));
                empty.run(r -> r.accounts().create(new Account(new AccountId("123456789012"), "second",
                        "root2@example.com", T0.plusSeconds(1)), "hash"));

                assertFalse((boolean) empty.inTransaction(r -> r.accounts().isEmpty()));
                assertEquals(Optional.of(new AccountId("923456789012")), empty.inTransaction(r -> r.accounts().oldest()));
            }
        }
    }

    @Test
    void findsCreatedAccountAndItsRootPasswordHash() {
        AccountId id = givenAccount();

        Account account = store.inTransaction(r -> r.accounts().find(id)).orElseThrow();

        assertEquals(new Account(id, "test", "root@example.com", T0), account);
        assertEquals(Optional.of("hash-of-" + id), store.inTransaction(r -> r.accounts().rootPasswordHash(id)));
        assertEquals(Optional.empty(), store.inTransaction(r -> r.accounts().find(new AccountId("000000000001"))));
        assertEquals(Optional.empty(),
                store.inTransaction(r -> r.accounts().rootPasswordHash(new AccountId("000000000001"))));
    }

    @Test
    void findsTheAccountByItsRootEmailCaseInsensitivelyOnlyWhenOneAccountHasIt() {
        AccountId id = AccountId.random(new java.security.SecureRandom());
        String email = "Root-" + id + "@Example.com";
        store.run(r -> r.accounts().create(new Account(id, "solo", email, T0), "hash"));

        assertEquals(Optional.of(id), store.inTransaction(r -> r.accounts().findByRootEmail(email.toLowerCase())
                .map(Account::id)));

        givenAccount();
        givenAccount();
        assertEquals(Optional.empty(), store.inTransaction(r -> r.accounts().findByRootEmail("root@example.com")));
    }

    @Test
    void aRootPasswordSetLaterIsItsLoginProfileAndTheLockedHashIsNone() {
        AccountId id = givenAccount();
        store.run(r -> r.accounts().setRootPasswordHash(id, io.gatehouse.core.credential.PasswordHasher.NO_PASSWORD,
                T0.plusSeconds(5)));
        assertEquals(Optional.empty(), store.inTransaction(r -> r.accounts().rootLoginProfile(id)));

        store.run(r -> r.accounts().setRootPasswordHash(id, "new-hash", T0.plusSeconds(60)));

        assertEquals(Optional.of(new io.gatehouse.core.port.AccountRepository.RootLoginProfile(id, "new-hash",
                T0.plusSeconds(60))), store.inTransaction(r -> r.accounts().rootLoginProfile(id)));
    }

    @Test
    void rejectsASecondAccountWithTheSameId() {
        AccountId id = givenAccount();

        assertIamError(ErrorCode.ENTITY_ALREADY_EXISTS, () -> store.run(
                r -> r.accounts().create(new Account(id, "again", "x@example.com", T0), "h")));
    }

    @Test
    void recentEventsComeNewestFirst() {
        AccountId account = givenAccount();
        AuditEvent first = event(account, 1, "CreateUser");
        AuditEvent second = event(account, 2, "CreateGroup");
        AuditEvent sameInstantAsSecond = event(account, 2, "AddUserToGroup");
        store.run(r -> {
            r.audit().record(first);
            r.audit().record(second);
            r.audit().record(sameInstantAsSecond);
            r.audit().record(event(givenAccount(), 9, "Elsewhere"));
        });

        assertEquals(List.of(sameInstantAsSecond, second, first),
                store.inTransaction(r -> r.audit().recent(account, 10)));
        assertEquals(List.of(sameInstantAsSecond), store.inTransaction(r -> r.audit().recent(account, 1)));
    }

    @Test
    void parametersSurviveTheRoundTrip() {
        AccountId account = givenAccount();
        Map<String, String> parameters = Map.of(
                "UserName", "alice",
                "PolicyDocument", "{\"Statement\":[{\"Effect\":\"Allow\"}]}\n\t\\ \u00e9 \u0001",
                "Password", "***",
                "Empty", "");
        AuditEvent event = new AuditEvent(UUID.randomUUID().toString(), account, T0, "arn:aws:iam::" + account
                + ":user/admin", "PutUserPolicy", "10.0.0.1", "req-1", parameters, "Success");

        store.run(r -> r.audit().record(event));

        assertEquals(List.of(event), store.inTransaction(r -> r.audit().recent(account, 5)));
    }

    private static AuditEvent event(AccountId account, long second, String action) {
        return new AuditEvent(UUID.randomUUID().toString(), account, at(second), "arn:aws:iam::" + account + ":root",
                action, "127.0.0.1", UUID.randomUUID().toString(), Map.of("Action", action), "Success");
    }
}
