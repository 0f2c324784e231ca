package io.gatehouse.persistence;

import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.LoginProfile;
import io.gatehouse.core.port.LoginProfileRepository;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Login profiles in {@code login_profiles}, earlier password hashes in {@code password_history}.
 * Runs in the caller's transaction.
 */
public final class JpaLoginProfileRepository implements LoginProfileRepository {

    private final EntityManager em;

    public JpaLoginProfileRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    @Override
    public Optional<LoginProfile> find(String userId) {
        return Optional.ofNullable(em.find(LoginProfileEntity.class, userId)).map(LoginProfileEntity::toProfile);
    }

    @Override
    public void create(LoginProfile profile) {
        em.persist(new LoginProfileEntity(profile));
        Flushes.flush(em, () -> IamException.alreadyExists("Login Profile for user already exists."));
    }

    @Override
    public void update(LoginProfile profile) {
        entity(profile.userId()).apply(profile);
        Flushes.flush(em, null);
    }

    @Override
    public void delete(String userId) {
        LoginProfileEntity entity = entity(userId);
        em.createQuery("delete from PasswordHistoryEntity h where h.userId = :user")
                .setParameter("user", userId)
                .executeUpdate();
        em.remove(entity);
        Flushes.flush(em, null);
    }

    @Override
    public List<String> recentPasswordHashes(String userId, int limit) {
        return em.createQuery("""
                        select h.passwordHash from PasswordHistoryEntity h
                        where h.userId = :user order by h.seq desc""", String.class)
                .setParameter("user", userId)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public void rememberPasswordHash(String userId, String passwordHash, Instant setAt) {
        em.persist(new PasswordHistoryEntity(userId, passwordHash, setAt));
        Flushes.flush(em, null);
    }

    private LoginProfileEntity entity(String userId) {
        LoginProfileEntity entity = em.find(LoginProfileEntity.class, userId);
        if (entity == null) {
            throw IamException.noSuchEntity("Login Profile for User with id " + userId + " cannot be found.");
        }
        return entity;
    }
}
