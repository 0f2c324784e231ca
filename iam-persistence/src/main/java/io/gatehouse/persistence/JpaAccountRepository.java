package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.Account;
import io.gatehouse.core.port.AccountRepository;
import io.gatehouse.core.error.IamException;
import jakarta.persistence.EntityManager;

import io.gatehouse.core.credential.PasswordHasher;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
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

    @Override
    public Optional<Account> findByRootEmail(String email) {
        List<AccountEntity> found = em.createQuery(
                        "select a from AccountEntity a where lower(a.rootEmail) = :email", AccountEntity.class)
                .setParameter("email", email.toLowerCase(Locale.ROOT))
                .setMaxResults(2)
                .getResultList();
        return found.size() == 1 ? Optional.of(found.get(0).toAccount()) : Optional.empty();
    }

    @Override
    public Optional<RootLoginProfile> rootLoginProfile(AccountId id) {
        return Optional.ofNullable(em.find(AccountEntity.class, id.value()))
                .filter(account -> !PasswordHasher.NO_PASSWORD.equals(account.rootPasswordHash()))
                .map(account -> new RootLoginProfile(id, account.rootPasswordHash(), account.rootPasswordSetAt()));
    }

    @Override
    public void setRootPasswordHash(AccountId id, String passwordHash, Instant setAt) {
        AccountEntity account = em.find(AccountEntity.class, id.value());
        if (account == null) {
            throw IamException.noSuchEntity("Account " + id + " cannot be found.");
        }
        account.setRootPassword(passwordHash, setAt);
        em.flush();
    }
}
