package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.RoleLastUsed;
import java.time.Instant;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.RoleRepository;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * IAM roles in {@code iam_roles} (tags in {@code role_tags}). Case-insensitive name uniqueness is
 * the database's unique constraint on (account_id, name_key). Runs in the caller's transaction.
 */
public final class JpaRoleRepository implements RoleRepository {

    private final EntityManager em;

    public JpaRoleRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    @Override
    public Optional<Role> findByName(AccountId account, String name) {
        return em.createQuery("select r from RoleEntity r where r.accountId = :account and r.nameKey = :nameKey",
                        RoleEntity.class)
                .setParameter("account", account.value())
                .setParameter("nameKey", NameKey.of(name))
                .getResultStream()
                .findFirst()
                .map(RoleEntity::toRole);
    }

    @Override
    public Optional<Role> findById(String roleId) {
        return Optional.ofNullable(em.find(RoleEntity.class, roleId)).map(RoleEntity::toRole);
    }

    @Override
    public Page<Role> list(AccountId account, String pathPrefix, PageRequest page) {
        List<RoleEntity> rows = em.createQuery("""
                        select r from RoleEntity r
                        where r.accountId = :account and r.path like :path escape '!' and r.nameKey > :after
                        order by r.nameKey""", RoleEntity.class)
                .setParameter("account", account.value())
                .setParameter("path", Listing.startsWith(pathPrefix))
                .setParameter("after", Listing.after(page))
                .setMaxResults(Listing.fetchSize(page))
                .getResultList();
        return Listing.page(rows, page, RoleEntity::nameKey, RoleEntity::toRole);
    }

    @Override
    public long count(AccountId account) {
        return em.createQuery("select count(r) from RoleEntity r where r.accountId = :account", Long.class)
                .setParameter("account", account.value())
                .getSingleResult();
    }

    @Override
    public void create(Role role) {
        em.persist(new RoleEntity(role));
        Flushes.flush(em, () -> IamException.alreadyExists("Role with name " + role.name() + " already exists."));
    }

    @Override
    public void update(Role role) {
        entity(role).apply(role);
        Flushes.flush(em, null);
    }

    @Override
    public void delete(Role role) {
        em.remove(entity(role));
        Flushes.flush(em, null, () -> IamException.deleteConflict(
                "Cannot delete entity, must remove roles from instance profile first."));
    }

    @Override
    public Optional<RoleLastUsed> lastUsed(Role role) {
        // Read from the table, not a loaded entity: recordUse writes around the persistence context.
        List<Object[]> rows = em.createQuery("""
                        select r.lastUsedDate, r.lastUsedRegion from RoleEntity r
                        where r.roleId = :id and r.lastUsedDate is not null""", Object[].class)
                .setParameter("id", role.roleId())
                .getResultList();
        return rows.stream().findFirst().map(row -> new RoleLastUsed((Instant) row[0], (String) row[1]));
    }

    @Override
    public void recordUse(Role role, RoleLastUsed use) {
        em.createQuery("update RoleEntity r set r.lastUsedDate = :date, r.lastUsedRegion = :region where r.roleId = :id")
                .setParameter("date", use.lastUsedDate())
                .setParameter("region", use.region())
                .setParameter("id", role.roleId())
                .executeUpdate();
    }

    @Override
    public void putInlinePolicy(Role role, String policyName, String document) {
        RoleInlinePolicyEntity existing = policy(role, policyName);
        if (existing != null) {
            existing.replace(policyName, document);
        } else {
            em.persist(new RoleInlinePolicyEntity(role.roleId(), policyName, document));
        }
        Flushes.flush(em, () -> Flushes.concurrentModification(null), () -> IamException.noSuchEntity(
                "The role with name " + role.name() + " cannot be found."));
    }

    @Override
    public Optional<String> inlinePolicy(Role role, String policyName) {
        return Optional.ofNullable(policy(role, policyName)).map(RoleInlinePolicyEntity::document);
    }

    @Override
    public List<String> inlinePolicyNames(Role role) {
        return em.createQuery("""
                        select p.policyName from RoleInlinePolicyEntity p
                        where p.roleId = :role order by p.nameKey""", String.class)
                .setParameter("role", role.roleId())
                .getResultList();
    }

    @Override
    public boolean deleteInlinePolicy(Role role, String policyName) {
        RoleInlinePolicyEntity existing = policy(role, policyName);
        if (existing == null) {
            return false;
        }
        em.remove(existing);
        Flushes.flush(em, () -> Flushes.concurrentModification(null));
        return true;
    }

    private RoleInlinePolicyEntity policy(Role role, String policyName) {
        return em.find(RoleInlinePolicyEntity.class, new RoleInlinePolicyEntity.Key(role.roleId(), NameKey.of(policyName)));
    }

    private RoleEntity entity(Role role) {
        RoleEntity entity = em.find(RoleEntity.class, role.roleId());
        if (entity == null) {
            throw IamException.noSuchEntity("The role with name " + role.name() + " cannot be found.");
        }
        return entity;
    }
}
