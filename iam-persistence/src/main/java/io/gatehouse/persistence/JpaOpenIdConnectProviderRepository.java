package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.OpenIdConnectProvider;
import io.gatehouse.core.port.OpenIdConnectProviderRepository;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * OIDC providers in {@code oidc_providers} (client ids, thumbprints and tags in their own tables).
 * One provider per URL and account is the unique constraint on (account_id, url_key).
 * Runs in the caller's transaction.
 */
public final class JpaOpenIdConnectProviderRepository implements OpenIdConnectProviderRepository {

    private final EntityManager em;

    public JpaOpenIdConnectProviderRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    @Override
    public Optional<OpenIdConnectProvider> find(AccountId account, String key) {
        return em.createQuery("""
                        select p from OpenIdConnectProviderEntity p
                        where p.accountId = :account and p.urlKey = :key""", OpenIdConnectProviderEntity.class)
                .setParameter("account", account.value())
                .setParameter("key", key)
                .getResultStream()
                .findFirst()
                .map(OpenIdConnectProviderEntity::toOpenIdConnectProvider);
    }

    @Override
    public List<OpenIdConnectProvider> list(AccountId account) {
        return em.createQuery("""
                        select p from OpenIdConnectProviderEntity p
                        where p.accountId = :account order by p.urlKey""", OpenIdConnectProviderEntity.class)
                .setParameter("account", account.value())
                .getResultStream()
                .map(OpenIdConnectProviderEntity::toOpenIdConnectProvider)
                .toList();
    }

    @Override
    public long count(AccountId account) {
        return em.createQuery("select count(p) from OpenIdConnectProviderEntity p where p.accountId = :account",
                        Long.class)
                .setParameter("account", account.value())
                .getSingleResult();
    }

    @Override
    public void create(OpenIdConnectProvider provider) {
        em.persist(new OpenIdConnectProviderEntity(provider));
        Flushes.flush(em, () -> IamException.alreadyExists(
                "Provider with url " + provider.url() + " already exists."));
    }

    @Override
    public void update(OpenIdConnectProvider provider) {
        entity(provider).apply(provider);
        Flushes.flush(em, null);
    }

    @Override
    public void delete(OpenIdConnectProvider provider) {
        em.remove(entity(provider));
        Flushes.flush(em, null);
    }

    private OpenIdConnectProviderEntity entity(OpenIdConnectProvider provider) {
        OpenIdConnectProviderEntity entity = em.find(OpenIdConnectProviderEntity.class, provider.arn().toString());
        if (entity == null) {
            throw IamException.noSuchEntity("OpenIDConnect Provider not found for arn " + provider.arn());
        }
        return entity;
    }
}
