package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.SamlProvider;
import io.gatehouse.core.port.SamlProviderRepository;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * SAML providers in {@code saml_providers} (tags in {@code saml_provider_tags}). Case-insensitive
 * name uniqueness is the unique constraint on (account_id, name_key). Runs in the caller's transaction.
 */
public final class JpaSamlProviderRepository implements SamlProviderRepository {

    private final EntityManager em;

    public JpaSamlProviderRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    @Override
    public Optional<SamlProvider> findByName(AccountId account, String name) {
        return em.createQuery("select p from SamlProviderEntity p where p.accountId = :account and p.nameKey = :nameKey",
                        SamlProviderEntity.class)
                .setParameter("account", account.value())
                .setParameter("nameKey", NameKey.of(name))
                .getResultStream()
                .findFirst()
                .map(SamlProviderEntity::toSamlProvider);
    }

    @Override
    public List<SamlProvider> list(AccountId account) {
        return em.createQuery("select p from SamlProviderEntity p where p.accountId = :account order by p.nameKey",
                        SamlProviderEntity.class)
                .setParameter("account", account.value())
                .getResultStream()
                .map(SamlProviderEntity::toSamlProvider)
                .toList();
    }

    @Override
    public long count(AccountId account) {
        return em.createQuery("select count(p) from SamlProviderEntity p where p.accountId = :account", Long.class)
                .setParameter("account", account.value())
                .getSingleResult();
    }

    @Override
    public void create(SamlProvider provider) {
        em.persist(new SamlProviderEntity(provider));
        Flushes.flush(em, () -> IamException.alreadyExists(
                "SAMLProvider with name " + provider.name() + " already exists."));
    }

    @Override
    public void update(SamlProvider provider) {
        entity(provider).apply(provider);
        Flushes.flush(em, null);
    }

    @Override
    public void delete(SamlProvider provider) {
        em.remove(entity(provider));
        Flushes.flush(em, null);
    }

    private SamlProviderEntity entity(SamlProvider provider) {
        SamlProviderEntity entity = em.find(SamlProviderEntity.class, provider.arn().toString());
        if (entity == null) {
            throw IamException.noSuchEntity("Manifest not found for arn " + provider.arn());
        }
        return entity;
    }
}
