package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

abstract class AccountAliasContract extends RepositoryContract {

    /** Aliases are unique across the whole database, so each test takes fresh ones. */
    private static String alias(String stem) {
        return stem + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anAccountHasNoAliasAtFirst() {
        AccountId account = givenAccount();

        assertEquals(Optional.empty(), store.inTransaction(r -> r.aliases().find(account)));
    }

    @Test
    void aNewAliasReplacesTheOldOne() {
        AccountId account = givenAccount();
        String first = alias("first");
        String second = alias("second");
        store.run(r -> r.aliases().put(account, first));

        store.run(r -> r.aliases().put(account, second));

        assertEquals(Optional.of(second), store.inTransaction(r -> r.aliases().find(account)));
    }

    @Test
    void databaseRefusesAnAliasThatAnotherAccountHolds() {
        String taken = alias("taken");
        store.run(r -> r.aliases().put(givenAccount(), taken));
        AccountId other = givenAccount();

        assertIamError(ErrorCode.ENTITY_ALREADY_EXISTS, () -> store.run(r -> r.aliases().put(other, taken)));
        assertEquals(Optional.empty(), store.inTransaction(r -> r.aliases().find(other)));
    }

    @Test
    void aDeletedAliasIsFreeForAnotherAccount() {
        AccountId account = givenAccount();
        String alias = alias("moving");
        store.run(r -> r.aliases().put(account, alias));

        store.run(r -> r.aliases().delete(account));
        AccountId other = givenAccount();
        store.run(r -> r.aliases().put(other, alias));

        assertEquals(Optional.empty(), store.inTransaction(r -> r.aliases().find(account)));
        assertEquals(Optional.of(alias), store.inTransaction(r -> r.aliases().find(other)));
    }
}
