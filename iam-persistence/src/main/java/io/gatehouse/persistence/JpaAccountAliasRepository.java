package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.port.AccountAliasRepository;
import jakarta.persistence.EntityManager;

import java.util.Objects;
import java.util.Optional;

/**
 * Account aliases in {@code account_aliases}: the account is the key (one alias each) and the
 * alias is unique across accounts, both enforced by the database. Runs in the caller's transaction.
 */
public final class JpaAccountAliasRepository implements AccountAliasRepository {

    private final EntityManager em;

    public JpaAccountAliasRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    @Override
    public Optional<String> find(AccountId account) {
        return Optional.ofNullable(em.find(AccountAliasEntity.class, account.value())).map(AccountAliasEntity::alias);
    }

    @Override
    public void put(AccountId account, String alias) {
        AccountAliasEntity existing = em.find(AccountAliasEntity.class, account.value());
        if (existing != null) {
            existing.replace(alias);
        } else {
            em.persist(new AccountAliasEntity(account.value(), alias));
        }
        Flushes.flush(em, () -> IamException.alreadyExists("The account alias " + alias + " already exists."));
    }

    @Override
    public void delete(AccountId account) {
        AccountAliasEntity existing = em.find(AccountAliasEntity.class, account.value());
        if (existing != null) {
            em.remove(existing);
            Flushes.flush(em, null);
        }
    }
}
