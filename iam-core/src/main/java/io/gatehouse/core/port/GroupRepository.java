package io.gatehouse.core.port;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.User;

import java.util.Optional;

/** IAM groups and their memberships. Names unique per account, case-insensitively. */
public interface GroupRepository {
    Optional<Group> findByName(AccountId account, String name);

    Optional<Group> findById(String groupId);

    Page<Group> list(AccountId account, String pathPrefix, PageRequest page);

    Page<Group> listForUser(User user, PageRequest page);

    Page<User> members(Group group, PageRequest page);

    boolean isMember(Group group, User user);

    long countGroupsOfUser(User user);

    long countMembers(Group group);

    long count(AccountId account);

    void create(Group group);

    void update(Group group);

    void delete(Group group);

    void addMember(Group group, User user);

    void removeMember(Group group, User user);

    /** Stores (or replaces) an inline policy document on the group, as AWS's PutGroupPolicy does. */
    void putInlinePolicy(Group group, String policyName, String document);

    Optional<String> inlinePolicy(Group group, String policyName);

    /** Names of the group's inline policies, ordered. */
    java.util.List<String> inlinePolicyNames(Group group);

    /** @return whether there was such a policy */
    boolean deleteInlinePolicy(Group group, String policyName);
}
