package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.InstanceProfile;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.port.InstanceProfileRepository;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.service.Quotas;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Instance profiles ({@code iam_instance_profiles}) and their roles ({@code instance_profile_roles},
 * keyed by the profile, so one role per profile holds even between racing requests). Names unique
 * per account case-insensitively, enforced by the database. Runs in the caller's transaction.
 */
public final class JpaInstanceProfileRepository implements InstanceProfileRepository {

    private final EntityManager em;

    public JpaInstanceProfileRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    @Override
    public Optional<InstanceProfile> findByName(AccountId account, String name) {
        return em.createQuery("""
                        select p from InstanceProfileEntity p
                        where p.accountId = :account and p.nameKey = :nameKey""", InstanceProfileEntity.class)
                .setParameter("account", account.value())
                .setParameter("nameKey", NameKey.of(name))
                .getResultStream()
                .findFirst()
                .map(entity -> withRoles(List.of(entity)).get(0));
    }

    @Override
    public Page<InstanceProfile> list(AccountId account, String pathPrefix, PageRequest page) {
        List<InstanceProfileEntity> rows = em.createQuery("""
                        select p from InstanceProfileEntity p
                        where p.accountId = :account and p.path like :path escape '!' and p.nameKey > :after
                        order by p.nameKey""", InstanceProfileEntity.class)
                .setParameter("account", account.value())
                .setParameter("path", Listing.startsWith(pathPrefix))
                .setParameter("after", Listing.after(page))
                .setMaxResults(Listing.fetchSize(page))
                .getResultList();
        return pageWithRoles(rows, page);
    }

    @Override
    public Page<InstanceProfile> listForRole(Role role, PageRequest page) {
        List<InstanceProfileEntity> rows = em.createQuery("""
                        select p from InstanceProfileEntity p
                        where p.instanceProfileId in
                              (select l.instanceProfileId from InstanceProfileRoleEntity l where l.roleId = :role)
                          and p.nameKey > :after
                        order by p.nameKey""", InstanceProfileEntity.class)
                .setParameter("role", role.roleId())
                .setParameter("after", Listing.after(page))
                .setMaxResults(Listing.fetchSize(page))
                .getResultList();
        return pageWithRoles(rows, page);
    }

    @Override
    public long count(AccountId account) {
        return em.createQuery("select count(p) from InstanceProfileEntity p where p.accountId = :account", Long.class)
                .setParameter("account", account.value())
                .getSingleResult();
    }

    @Override
    public long countForRole(Role role) {
        return em.createQuery("select count(l) from InstanceProfileRoleEntity l where l.roleId = :role", Long.class)
                .setParameter("role", role.roleId())
                .getSingleResult();
    }

    @Override
    public void create(InstanceProfile profile) {
        em.persist(new InstanceProfileEntity(profile));
        Flushes.flush(em, () -> IamException.alreadyExists(
                "Instance Profile " + profile.name() + " already exists."));
    }

    @Override
    public void update(InstanceProfile profile) {
        entity(profile).apply(profile);
        Flushes.flush(em, null);
    }

    @Override
    public void delete(InstanceProfile profile) {
        em.remove(entity(profile));
        Flushes.flush(em, null, () -> IamException.deleteConflict(
                "Cannot delete entity, must remove roles from instance profile first."));
    }

    @Override
    public void addRole(InstanceProfile profile, Role role) {
        em.persist(new InstanceProfileRoleEntity(profile.instanceProfileId(), role.roleId()));
        // The key is the profile: a second role, even from a racing request, is the quota refusal.
        Flushes.flush(em, () -> IamException.limitExceeded("Cannot exceed quota for InstanceSessionsPerInstanceProfile: "
                + Quotas.ROLES_PER_INSTANCE_PROFILE), () -> IamException.noSuchEntity(
                "The role with name " + role.name() + " or the instance profile with name " + profile.name()
                        + " cannot be found."));
    }

    @Override
    public void removeRole(InstanceProfile profile, Role role) {
        InstanceProfileRoleEntity link = em.find(InstanceProfileRoleEntity.class, profile.instanceProfileId());
        if (link != null && link.roleId().equals(role.roleId())) {
            em.remove(link);
            Flushes.flush(em, null);
        }
    }

    private InstanceProfileEntity entity(InstanceProfile profile) {
        InstanceProfileEntity entity = em.find(InstanceProfileEntity.class, profile.instanceProfileId());
        if (entity == null) {
            throw IamException.noSuchEntity("Instance Profile " + profile.name() + " cannot be found.");
        }
        return entity;
    }

    private Page<InstanceProfile> pageWithRoles(List<InstanceProfileEntity> rows, PageRequest page) {
        Page<InstanceProfileEntity> entities = Listing.page(rows, page, InstanceProfileEntity::nameKey, e -> e);
        return new Page<>(withRoles(entities.items()), entities.nextMarker());
    }

    /** The profiles with their roles, in two queries for a whole page. */
    private List<InstanceProfile> withRoles(List<InstanceProfileEntity> profiles) {
        if (profiles.isEmpty()) {
            return List.of();
        }
        List<String> ids = profiles.stream().map(InstanceProfileEntity::instanceProfileId).toList();
        Map<String, String> roleOfProfile = em.createQuery(
                        "select l from InstanceProfileRoleEntity l where l.instanceProfileId in :ids",
                        InstanceProfileRoleEntity.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(InstanceProfileRoleEntity::instanceProfileId, InstanceProfileRoleEntity::roleId));
        Map<String, Role> roles = roleOfProfile.isEmpty() ? Map.of() : em.createQuery(
                        "select r from RoleEntity r where r.roleId in :ids", RoleEntity.class)
                .setParameter("ids", roleOfProfile.values())
                .getResultStream()
                .map(RoleEntity::toRole)
                .collect(Collectors.toMap(Role::roleId, r -> r));
        return profiles.stream()
                .map(p -> p.toInstanceProfile(Optional.ofNullable(roleOfProfile.get(p.instanceProfileId()))
                        .map(roles::get).stream().toList()))
                .toList();
    }
}
