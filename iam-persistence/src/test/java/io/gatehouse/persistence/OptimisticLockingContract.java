package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.identity.User;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

abstract class OptimisticLockingContract extends RepositoryContract {

    @Test
    void secondOfTwoConcurrentUpdatesFailsOnCommit() {
        AccountId account = givenAccount();
        User user = givenUser(account, "contended");
        EntityManager first = store.entityManager();
        EntityManager second = store.entityManager();
        try {
            first.getTransaction().begin();
            second.getTransaction().begin();
            UserEntity loadedByFirst = first.find(UserEntity.class, user.userId());
            UserEntity loadedBySecond = second.find(UserEntity.class, user.userId());

            loadedByFirst.apply(user.withNameAndPath(user.name(), "/first/"));
            first.getTransaction().commit();
            loadedBySecond.apply(user.withNameAndPath(user.name(), "/second/"));

            RollbackException failure = assertThrows(RollbackException.class, () -> second.getTransaction().commit());
            assertInstanceOf(OptimisticLockException.class, failure.getCause());
        } finally {
            first.close();
            second.close();
        }
        assertEquals("/first/", store.inTransaction(r -> r.users().findById(user.userId())).orElseThrow().path());
    }

    @Test
    void repositoryReportsALostUpdateAsConcurrentModification() {
        AccountId account = givenAccount();
        User user = givenUser(account, "tagged");
        EntityManager first = store.entityManager();
        EntityManager second = store.entityManager();
        try {
            first.getTransaction().begin();
            second.getTransaction().begin();
            var firstRepositories = Store.Repositories.over(first);
            var secondRepositories = Store.Repositories.over(second);
            User seenByFirst = firstRepositories.users().findById(user.userId()).orElseThrow();
            User seenBySecond = secondRepositories.users().findById(user.userId()).orElseThrow();

            firstRepositories.users().update(seenByFirst.withTags(List.of(new Tag("by", "first"))));
            first.getTransaction().commit();

            assertIamError(ErrorCode.CONCURRENT_MODIFICATION,
                    () -> secondRepositories.users().update(seenBySecond.withTags(List.of(new Tag("by", "second")))));
        } finally {
            if (second.getTransaction().isActive()) {
                second.getTransaction().rollback();
            }
            first.close();
            second.close();
        }
        assertEquals(List.of(new Tag("by", "first")),
                store.inTransaction(r -> r.users().findById(user.userId())).orElseThrow().tags());
    }
}
