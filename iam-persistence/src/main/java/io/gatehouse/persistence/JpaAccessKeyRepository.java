package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.AccessKey;
import io.gatehouse.core.identity.AccessKeyLastUsed;
import io.gatehouse.core.identity.AccessKeyStatus;
import io.gatehouse.core.port.AccessKeyRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Access keys in {@code access_keys}, secrets sealed. Runs in the caller's transaction. */
public final class JpaAccessKeyRepository implements AccessKeyRepository {

    private final EntityManager em;

    public JpaAccessKeyRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    @Override
    public Optional<AccessKey> find(String accessKeyId) {
        return Optional.ofNullable(em.find(AccessKeyEntity.class, accessKeyId)).map(AccessKeyEntity::toAccessKey);
    }

    @Override
    public List<AccessKey> listFor(AccountId account, Optional<String> userId) {
        return owned("select k from AccessKeyEntity k", " order by k.createDate, k.accessKeyId",
                AccessKeyEntity.class, account, userId)
                .getResultStream()
                .map(AccessKeyEntity::toAccessKey)
                .toList();
    }

    @Override
    public long countFor(AccountId account, Optional<String> userId) {
        return owned("select count(k) from AccessKeyEntity k", "", Long.class, account, userId).getSingleResult();
    }

    @Override
    public void create(AccessKey key) {
        em.persist(new AccessKeyEntity(key));
        Flushes.flush(em, () -> IamException.alreadyExists(
                "Access key with id " + key.accessKeyId() + " already exists."));
    }

    @Override
    public void updateStatus(String accessKeyId, AccessKeyStatus status) {
        entity(accessKeyId).status(status);
        Flushes.flush(em, null);
    }

    @Override
    public void delete(String accessKeyId) {
        em.remove(entity(accessKeyId));
        Flushes.flush(em, null);
    }

    @Override
    public Optional<AccessKeyLastUsed> lastUsed(String accessKeyId) {
        // Read from the table, not a loaded entity: recordUse writes around the persistence context.
        List<Object[]> rows = em.createQuery("""
                        select k.lastUsedDate, k.lastUsedService, k.lastUsedRegion
                        from AccessKeyEntity k where k.accessKeyId = :id""", Object[].class)
                .setParameter("id", accessKeyId)
                .getResultList();
        if (rows.isEmpty()) {
            throw noSuchKey(accessKeyId);
        }
        Object[] row = rows.get(0);
        return row[0] == null ? Optional.empty()
                : Optional.of(new AccessKeyLastUsed((Instant) row[0], (String) row[1], (String) row[2]));
    }

    /**
     * A bulk update, not a versioned entity change: every signed request records a use, and
     * concurrent requests with one key must not fail each other on the key's version.
     */
    @Override
    public void recordUse(String accessKeyId, AccessKeyLastUsed use) {
        int updated = em.createQuery("""
                        update AccessKeyEntity k
                        set k.lastUsedDate = :date, k.lastUsedService = :service, k.lastUsedRegion = :region
                        where k.accessKeyId = :id""")
                .setParameter("date", use.lastUsedDate())
                .setParameter("service", use.serviceName())
                .setParameter("region", use.region())
                .setParameter("id", accessKeyId)
                .executeUpdate();
        if (updated == 0) {
            throw noSuchKey(accessKeyId);
        }
    }

    /** A query over the keys of one owner: a user, or the account's root user when {@code userId} is empty. */
    private <T> TypedQuery<T> owned(String select, String orderBy, Class<T> type, AccountId account,
                                    Optional<String> userId) {
        String owner = userId.isPresent() ? "k.userId = :userId" : "k.userId is null";
        TypedQuery<T> query = em.createQuery(select + " where k.accountId = :account and " + owner + orderBy, type)
                .setParameter("account", account.value());
        userId.ifPresent(id -> query.setParameter("userId", id));
        return query;
    }

    private AccessKeyEntity entity(String accessKeyId) {
        AccessKeyEntity entity = em.find(AccessKeyEntity.class, accessKeyId);
        if (entity == null) {
            throw noSuchKey(accessKeyId);
        }
        return entity;
    }

    private static IamException noSuchKey(String accessKeyId) {
        return IamException.noSuchEntity("The Access Key with id " + accessKeyId + " cannot be found.");
    }
}
