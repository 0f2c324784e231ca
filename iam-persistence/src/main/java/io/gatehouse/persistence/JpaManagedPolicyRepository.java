package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.ManagedPolicy;
import io.gatehouse.core.identity.ManagedPolicyVersion;
import io.gatehouse.core.port.ManagedPolicyRepository;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Customer-managed policies and their versions on JPA. */
public final class JpaManagedPolicyRepository implements ManagedPolicyRepository {

    private final EntityManager em;

    public JpaManagedPolicyRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<ManagedPolicy> findByArn(String arn) {
        return em.createQuery("select p from ManagedPolicyEntity p where p.arn = :arn", ManagedPolicyEntity.class)
                .setParameter("arn", arn)
                .getResultStream().findFirst().map(ManagedPolicyEntity::toPolicy);
    }

    @Override
    public Optional<ManagedPolicy> findByName(AccountId account, String name) {
        return em.createQuery("select p from ManagedPolicyEntity p where p.accountId = :account and p.nameKey = :key",
                        ManagedPolicyEntity.class)
                .setParameter("account", account.value())
                .setParameter("key", NameKey.of(name))
                .getResultStream().findFirst().map(ManagedPolicyEntity::toPolicy);
    }

    @Override
    public List<ManagedPolicy> list(AccountId account, String pathPrefix) {
        return em.createQuery("""
                        select p from ManagedPolicyEntity p
                        where p.accountId = :account and p.path like :prefix escape '!'
                        order by p.nameKey""", ManagedPolicyEntity.class)
                .setParameter("account", account.value())
                .setParameter("prefix", Listing.startsWith(pathPrefix))
                .getResultStream().map(ManagedPolicyEntity::toPolicy).toList();
    }

    @Override
    public long count(AccountId account) {
        return em.createQuery("select count(p) from ManagedPolicyEntity p where p.accountId = :account", Long.class)
                .setParameter("account", account.value())
                .getSingleResult();
    }

    @Override
    public void create(AccountId account, ManagedPolicy policy, ManagedPolicyVersion first) {
        em.persist(new ManagedPolicyEntity(account.value(), policy));
        Flushes.flush(em, () -> IamException.alreadyExists("A policy called " + policy.name()
                + " already exists. Duplicate names are not allowed."));
        em.persist(new ManagedPolicyVersionEntity(policy.policyId(), 1, first.document(), first.createDate()));
        Flushes.flush(em, () -> Flushes.concurrentModification(null));
    }

    @Override
    public void update(ManagedPolicy policy) {
        entity(policy).apply(policy);
        Flushes.flush(em, () -> Flushes.concurrentModification(null));
    }

    @Override
    public void delete(ManagedPolicy policy) {
        em.createQuery("delete from ManagedPolicyVersionEntity v where v.policyId = :id")
                .setParameter("id", policy.policyId())
                .executeUpdate();
        em.remove(entity(policy));
        Flushes.flush(em, () -> Flushes.concurrentModification(null));
    }

    @Override
    public List<ManagedPolicyVersion> versions(ManagedPolicy policy) {
        return em.createQuery("""
                        select v from ManagedPolicyVersionEntity v where v.policyId = :id
                        order by v.versionNo desc""", ManagedPolicyVersionEntity.class)
                .setParameter("id", policy.policyId())
                .getResultStream().map(ManagedPolicyVersionEntity::toVersion).toList();
    }

    @Override
    public Optional<ManagedPolicyVersion> version(ManagedPolicy policy, String versionId) {
        return Optional.ofNullable(em.find(ManagedPolicyVersionEntity.class,
                new ManagedPolicyVersionEntity.Key(policy.policyId(), versionId))).map(ManagedPolicyVersionEntity::toVersion);
    }

    @Override
    public ManagedPolicyVersion addVersion(ManagedPolicy policy, String document, Instant createDate) {
        ManagedPolicyEntity entity = entity(policy);
        ManagedPolicyVersionEntity version = new ManagedPolicyVersionEntity(policy.policyId(), entity.nextVersion(),
                document, createDate);
        em.persist(version);
        // Two racing CreatePolicyVersion calls take the same number: one fails on the key or the lock.
        Flushes.flush(em, () -> Flushes.concurrentModification(null));
        return version.toVersion();
    }

    @Override
    public void deleteVersion(ManagedPolicy policy, String versionId) {
        ManagedPolicyVersionEntity version = em.find(ManagedPolicyVersionEntity.class,
                new ManagedPolicyVersionEntity.Key(policy.policyId(), versionId));
        if (version != null) {
            em.remove(version);
            Flushes.flush(em, () -> Flushes.concurrentModification(null));
        }
    }

    private ManagedPolicyEntity entity(ManagedPolicy policy) {
        ManagedPolicyEntity entity = em.find(ManagedPolicyEntity.class, policy.policyId());
        if (entity == null) {
            throw IamException.noSuchEntity("Policy " + policy.arn() + " does not exist or is not attachable.");
        }
        return entity;
    }
}
