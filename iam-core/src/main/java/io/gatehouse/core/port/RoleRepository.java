package io.gatehouse.core.port;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.RoleLastUsed;

import java.util.Optional;

/** IAM roles (with their tags). Names unique per account, case-insensitively; the store enforces it. */
public interface RoleRepository {
    Optional<Role> findByName(AccountId account, String name);

    Optional<Role> findById(String roleId);

    /** Roles whose path starts with {@code pathPrefix}, ordered by name (case-insensitively). */
    Page<Role> list(AccountId account, String pathPrefix, PageRequest page);

    long count(AccountId account);

    /** @throws io.gatehouse.core.error.IamException EntityAlreadyExists when the name is taken */
    void create(Role role);

    /** Saves the trust policy, description, maximum session duration and tags. */
    void update(Role role);

    /** @throws io.gatehouse.core.error.IamException DeleteConflict while an instance profile holds the role */
    void delete(Role role);

    Optional<RoleLastUsed> lastUsed(Role role);

    /** Notes that the role was assumed; written beside the role, not part of its changeable state. */
    void recordUse(Role role, RoleLastUsed use);

    /** Adds or replaces the role's inline policy of that name (names compare case-insensitively). */
    void putInlinePolicy(Role role, String policyName, String document);

    Optional<String> inlinePolicy(Role role, String policyName);

    /** The role's inline policy names, ordered case-insensitively. */
    java.util.List<String> inlinePolicyNames(Role role);

    /** @return whether the policy existed */
    boolean deleteInlinePolicy(Role role, String policyName);
}
