package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.UserRepository;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * IAM users in {@code iam_users} (tags in {@code user_tags}). Case-insensitive name uniqueness is
 * the database's unique constraint on (account_id, name_key), so it holds even between racing
 * requests. Runs in the caller's transaction.
 */
public final class JpaUserRepository implements UserRepository {

    private final EntityManager em;

    public JpaUserRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    @Override
    public Optional<User> findByName(AccountId account, String name) {
        return entityByName(account, name).map(UserEntity::toUser);
    }

    @Override
    public Optional<User> findById(String userId) {
        return Optional.ofNullable(em.find(UserEntity.class, userId)).map(UserEntity::toUser);
    }

    @Override
    public Page<User> list(AccountId account, String pathPrefix, PageRequest page) {
        List<UserEntity> rows = em.createQuery("""
                        select u from UserEntity u
                        where u.accountId = :account and u.path like :path escape '!' and u.nameKey > :after
                        order by u.nameKey""", UserEntity.class)
                .setParameter("account", account.value())
                .setParameter("path", Listing.startsWith(pathPrefix))
                .setParameter("after", Listing.after(page))
                .setMaxResults(Listing.fetchSize(page))
                .getResultList();
        return Listing.page(rows, page, UserEntity::nameKey, UserEntity::toUser);
    }

    @Override
    public long count(AccountId account) {
        return em.createQuery("select count(u) from UserEntity u where u.accountId = :account", Long.class)
                .setParameter("account", account.value())
                .getSingleResult();
    }

    @Override
    public void create(User user) {
        em.persist(new UserEntity(user));
        Flushes.flush(em, () -> alreadyExists(user.name()));
    }

    @Override
    public void update(User user) {
        entity(user).apply(user);
        Flushes.flush(em, () -> alreadyExists(user.name()));
    }

    @Override
    public void delete(User user) {
        em.remove(entity(user));
        Flushes.flush(em, null, () -> IamException.deleteConflict(
                "Cannot delete entity, must delete access keys and remove the user from groups first."));
    }

    @Override
    public void putInlinePolicy(User user, String policyName, String document) {
        UserInlinePolicyEntity existing = policy(user, policyName);
        if (existing != null) {
            existing.replace(policyName, document);
        } else {
            em.persist(new UserInlinePolicyEntity(user.userId(), policyName, document));
        }
        Flushes.flush(em, () -> Flushes.concurrentModification(null), () -> IamException.noSuchEntity(
                "The user with name " + user.name() + " cannot be found."));
    }

    @Override
    public Optional<String> inlinePolicy(User user, String policyName) {
        return Optional.ofNullable(policy(user, policyName)).map(UserInlinePolicyEntity::document);
    }

    @Override
    public List<String> inlinePolicyNames(User user) {
        return em.createQuery("""
                        select p.policyName from UserInlinePolicyEntity p
                        where p.userId = :user order by p.nameKey""", String.class)
                .setParameter("user", user.userId())
                .getResultList();
    }

    @Override
    public boolean deleteInlinePolicy(User user, String policyName) {
        UserInlinePolicyEntity existing = policy(user, policyName);
        if (existing == null) {
            return false;
        }
        em.remove(existing);
        Flushes.flush(em, () -> Flushes.concurrentModification(null));
        return true;
    }

    private UserInlinePolicyEntity policy(User user, String policyName) {
        return em.find(UserInlinePolicyEntity.class, new UserInlinePolicyEntity.Key(user.userId(), NameKey.of(policyName)));
    }

    private Optional<UserEntity> entityByName(AccountId account, String name) {
        return em.createQuery("select u from UserEntity u where u.accountId = :account and u.nameKey = :nameKey",
                        UserEntity.class)
                .setParameter("account", account.value())
                .setParameter("nameKey", NameKey.of(name))
                .getResultStream()
                .findFirst();
    }

    private UserEntity entity(User user) {
        UserEntity entity = em.find(UserEntity.class, user.userId());
        if (entity == null) {
            throw IamException.noSuchEntity("The user with name " + user.name() + " cannot be found.");
        }
        return entity;
    }

    private static IamException alreadyExists(String name) {
        return IamException.alreadyExists("User with name " + name + " already exists.");
    }
}
