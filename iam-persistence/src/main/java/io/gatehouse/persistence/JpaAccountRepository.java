package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.Account;
import io.gatehouse.core.port.AccountRepository;
import io.gatehouse.core.error.IamException;
import jakarta.persistence.EntityManager;

import java.util.Objects;
import java.util.Optional;

/** Accounts in the {@code accounts} table. Runs in the caller's transaction. */
public final class JpaAccountRepository implements AccountRepository {

    private final EntityManager em;

    public JpaAccountRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    @Override
    public Optional<Account> find(AccountId id) {
        return Optional.ofNullable(em.find(AccountEntity.class, id.value())).map(AccountEntity::toAccount);
    }

    @Override
    public boolean isEmpty() {
        return em.createQuery("select a.accountId from AccountEntity a", String.class)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public void create(Account account, String rootPasswordHash) {
        em.persist(new AccountEntity(account, rootPasswordHash));
        Flushes.flush(em, () -> IamException.alreadyExists("Account " + account.id() + " already exists."));
    }

    @Override
    public Optional<AccountId> oldest() {
        return em.createQuery("select a.accountId from AccountEntity a order by a.createDate, a.accountId", String.class)
                .setMaxResults(1)
                .getResultList().stream().findFirst().map(AccountId::new);
    }

    @Override
    public Optional<String> rootPasswordHash(AccountId id) {
        return Optional.ofNullable(em.find(AccountEntity.class, id.value())).map(AccountEntity::rootPasswordHash);
    }
}
