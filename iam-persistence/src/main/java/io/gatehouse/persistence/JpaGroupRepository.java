package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.port.GroupRepository;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * IAM groups ({@code iam_groups}), their members ({@code group_members}) and inline policies
 * ({@code group_policies}). Names unique per account case-insensitively, enforced by the database.
 * Runs in the caller's transaction.
 */
public final class JpaGroupRepository implements GroupRepository {

    private final EntityManager em;

    public JpaGroupRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    @Override
    public Optional<Group> findByName(AccountId account, String name) {
        return em.createQuery("select g from GroupEntity g where g.accountId = :account and g.nameKey = :nameKey",
                        GroupEntity.class)
                .setParameter("account", account.value())
                .setParameter("nameKey", NameKey.of(name))
                .getResultStream()
                .findFirst()
                .map(GroupEntity::toGroup);
    }

    @Override
    public Page<Group> list(AccountId account, String pathPrefix, PageRequest page) {
        List<GroupEntity> rows = em.createQuery("""
                        select g from GroupEntity g
                        where g.accountId = :account and g.path like :path escape '!' and g.nameKey > :after
                        order by g.nameKey""", GroupEntity.class)
                .setParameter("account", account.value())
                .setParameter("path", Listing.startsWith(pathPrefix))
                .setParameter("after", Listing.after(page))
                .setMaxResults(Listing.fetchSize(page))
                .getResultList();
        return Listing.page(rows, page, GroupEntity::nameKey, GroupEntity::toGroup);
    }

    @Override
    public Page<Group> listForUser(User user, PageRequest page) {
        List<GroupEntity> rows = em.createQuery("""
                        select g from GroupEntity g
                        where g.groupId in (select m.groupId from GroupMembershipEntity m where m.userId = :user)
                          and g.nameKey > :after
                        order by g.nameKey""", GroupEntity.class)
                .setParameter("user", user.userId())
                .setParameter("after", Listing.after(page))
                .setMaxResults(Listing.fetchSize(page))
                .getResultList();
        return Listing.page(rows, page, GroupEntity::nameKey, GroupEntity::toGroup);
    }

    @Override
    public Page<User> members(Group group, PageRequest page) {
        List<UserEntity> rows = em.createQuery("""
                        select u from UserEntity u
                        where u.userId in (select m.userId from GroupMembershipEntity m where m.groupId = :group)
                          and u.nameKey > :after
                        order by u.nameKey""", UserEntity.class)
                .setParameter("group", group.groupId())
                .setParameter("after", Listing.after(page))
                .setMaxResults(Listing.fetchSize(page))
                .getResultList();
        return Listing.page(rows, page, UserEntity::nameKey, UserEntity::toUser);
    }

    @Override
    public boolean isMember(Group group, User user) {
        return em.find(GroupMembershipEntity.class, new GroupMembershipEntity.Key(group.groupId(), user.userId())) != null;
    }

    @Override
    public long countGroupsOfUser(User user) {
        return em.createQuery("select count(m) from GroupMembershipEntity m where m.userId = :user", Long.class)
                .setParameter("user", user.userId())
                .getSingleResult();
    }

    @Override
    public long countMembers(Group group) {
        return em.createQuery("select count(m) from GroupMembershipEntity m where m.groupId = :group", Long.class)
                .setParameter("group", group.groupId())
                .getSingleResult();
    }

    @Override
    public long count(AccountId account) {
        return em.createQuery("select count(g) from GroupEntity g where g.accountId = :account", Long.class)
                .setParameter("account", account.value())
                .getSingleResult();
    }

    @Override
    public void create(Group group) {
        em.persist(new GroupEntity(group));
        Flushes.flush(em, () -> alreadyExists(group.name()));
    }

    @Override
    public void update(Group group) {
        entity(group).apply(group);
        Flushes.flush(em, () -> alreadyExists(group.name()));
    }

    /** Deletes the group with its inline policies; members must have been removed (AWS's DeleteConflict). */
    @Override
    public void delete(Group group) {
        GroupEntity entity = entity(group);
        em.createQuery("delete from GroupInlinePolicyEntity p where p.groupId = :group")
                .setParameter("group", group.groupId())
                .executeUpdate();
        em.remove(entity);
        Flushes.flush(em, null, () -> IamException.deleteConflict(
                "Cannot delete entity, must remove users from group first."));
    }

    @Override
    public void addMember(Group group, User user) {
        em.persist(new GroupMembershipEntity(group.groupId(), user.userId()));
        // Only a racing AddUserToGroup for the same pair can collide here; the caller checked isMember.
        Flushes.flush(em, () -> Flushes.concurrentModification(null), () -> IamException.noSuchEntity(
                "The user with name " + user.name() + " or the group with name " + group.name() + " cannot be found."));
    }

    @Override
    public void removeMember(Group group, User user) {
        GroupMembershipEntity membership = em.find(GroupMembershipEntity.class,
                new GroupMembershipEntity.Key(group.groupId(), user.userId()));
        if (membership != null) {
            em.remove(membership);
            Flushes.flush(em, null);
        }
    }

    @Override
    public void putInlinePolicy(Group group, String policyName, String document) {
        GroupInlinePolicyEntity existing = policy(group, policyName);
        if (existing != null) {
            existing.replace(policyName, document);
        } else {
            em.persist(new GroupInlinePolicyEntity(group.groupId(), policyName, document));
        }
        Flushes.flush(em, () -> Flushes.concurrentModification(null), () -> IamException.noSuchEntity(
                "The group with name " + group.name() + " cannot be found."));
    }

    @Override
    public Optional<String> inlinePolicy(Group group, String policyName) {
        return Optional.ofNullable(policy(group, policyName)).map(GroupInlinePolicyEntity::document);
    }

    @Override
    public List<String> inlinePolicyNames(Group group) {
        return em.createQuery("""
                        select p.policyName from GroupInlinePolicyEntity p
                        where p.groupId = :group order by p.nameKey""", String.class)
                .setParameter("group", group.groupId())
                .getResultList();
    }

    @Override
    public Optional<Group> findById(String groupId) {
        return Optional.ofNullable(em.find(GroupEntity.class, groupId)).map(GroupEntity::toGroup);
    }

    @Override
    public boolean deleteInlinePolicy(Group group, String policyName) {
        GroupInlinePolicyEntity existing = policy(group, policyName);
        if (existing == null) {
            return false;
        }
        em.remove(existing);
        Flushes.flush(em, () -> Flushes.concurrentModification(null));
        return true;
    }

    private GroupInlinePolicyEntity policy(Group group, String policyName) {
        return em.find(GroupInlinePolicyEntity.class,
                new GroupInlinePolicyEntity.Key(group.groupId(), NameKey.of(policyName)));
    }

    private GroupEntity entity(Group group) {
        GroupEntity entity = em.find(GroupEntity.class, group.groupId());
        if (entity == null) {
            throw IamException.noSuchEntity("The group with name " + group.name() + " cannot be found.");
        }
        return entity;
    }

    private static IamException alreadyExists(String name) {
        return IamException.alreadyExists("Group with name " + name + " already exists.");
    }
}
