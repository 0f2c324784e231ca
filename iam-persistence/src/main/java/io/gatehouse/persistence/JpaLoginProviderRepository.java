package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.LoginProvider;
import io.gatehouse.core.port.LoginProviderRepository;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sign-in providers in {@code login_providers}. Case-insensitive name uniqueness is the unique
 * constraint on (account_id, name_key). Runs in the caller's transaction.
 */
public final class JpaLoginProviderRepository implements LoginProviderRepository {

    private final EntityManager em;

    public JpaLoginProviderRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    @Override
    public Optional<LoginProvider> findByName(AccountId account, String name) {
        return em.createQuery("select p from LoginProviderEntity p where p.accountId = :account and p.nameKey = :nameKey",
                        LoginProviderEntity.class)
                .setParameter("account", account.value())
                .setParameter("nameKey", NameKey.of(name))
                .getResultStream()
                .findFirst()
                .map(LoginProviderEntity::toLoginProvider);
    }

    @Override
    public List<LoginProvider> list(AccountId account) {
        return em.createQuery("select p from LoginProviderEntity p where p.accountId = :account order by p.nameKey",
                        LoginProviderEntity.class)
                .setParameter("account", account.value())
                .getResultStream()
                .map(LoginProviderEntity::toLoginProvider)
                .toList();
    }

    @Override
    public long count(AccountId account) {
        return em.createQuery("select count(p) from LoginProviderEntity p where p.accountId = :account", Long.class)
                .setParameter("account", account.value())
                .getSingleResult();
    }

    @Override
    public void create(LoginProvider provider) {
        em.persist(new LoginProviderEntity(provider));
        Flushes.flush(em, () -> IamException.alreadyExists(
                "LoginProvider with name " + provider.name() + " already exists."));
    }

    @Override
    public void update(LoginProvider provider) {
        entity(provider).apply(provider);
        Flushes.flush(em, null);
    }

    @Override
    public void delete(LoginProvider provider) {
        em.remove(entity(provider));
        Flushes.flush(em, null);
    }

    private LoginProviderEntity entity(LoginProvider provider) {
        LoginProviderEntity entity = em.find(LoginProviderEntity.class, provider.arn().toString());
        if (entity == null) {
            throw IamException.noSuchEntity("Login provider not found for arn " + provider.arn());
        }
        return entity;
    }
}
