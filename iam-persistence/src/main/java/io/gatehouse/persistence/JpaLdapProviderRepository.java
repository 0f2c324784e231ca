package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.LdapProvider;
import io.gatehouse.core.port.LdapProviderRepository;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * LDAP providers in {@code ldap_providers}. Case-insensitive name uniqueness is the unique
 * constraint on (account_id, name_key). Runs in the caller's transaction.
 */
public final class JpaLdapProviderRepository implements LdapProviderRepository {

    private final EntityManager em;

    public JpaLdapProviderRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    @Override
    public Optional<LdapProvider> findByName(AccountId account, String name) {
        return em.createQuery("select p from LdapProviderEntity p where p.accountId = :account and p.nameKey = :nameKey",
                        LdapProviderEntity.class)
                .setParameter("account", account.value())
                .setParameter("nameKey", NameKey.of(name))
                .getResultStream()
                .findFirst()
                .map(LdapProviderEntity::toLdapProvider);
    }

    @Override
    public List<LdapProvider> list(AccountId account) {
        return em.createQuery("select p from LdapProviderEntity p where p.accountId = :account order by p.nameKey",
                        LdapProviderEntity.class)
                .setParameter("account", account.value())
                .getResultStream()
                .map(LdapProviderEntity::toLdapProvider)
                .toList();
    }

    @Override
    public long count(AccountId account) {
        return em.createQuery("select count(p) from LdapProviderEntity p where p.accountId = :account", Long.class)
                .setParameter("account", account.value())
                .getSingleResult();
    }

    @Override
    public void create(LdapProvider provider) {
        em.persist(new LdapProviderEntity(provider));
        Flushes.flush(em, () -> IamException.alreadyExists(
                "LDAPProvider with name " + provider.name() + " already exists."));
    }

    @Override
    public void update(LdapProvider provider) {
        entity(provider).apply(provider);
        Flushes.flush(em, null);
    }

    @Override
    public void delete(LdapProvider provider) {
        em.remove(entity(provider));
        Flushes.flush(em, null);
    }

    private LdapProviderEntity entity(LdapProvider provider) {
        LdapProviderEntity entity = em.find(LdapProviderEntity.class, provider.arn().toString());
        if (entity == null) {
            throw IamException.noSuchEntity("LDAP provider not found for arn " + provider.arn());
        }
        return entity;
    }
}
