package io.gatehouse.core.port;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.Role;

import java.util.Optional;

/** IAM roles (with their tags). Names unique per account, case-insensitively; the store enforces it. */
public interface RoleRepository {
    Optional<Role> findByName(AccountId account, String name);

    /** Roles whose path starts with {@code pathPrefix}, ordered by name (case-insensitively). */
    Page<Role> list(AccountId account, String pathPrefix, PageRequest page);

    long count(AccountId account);

    /** @throws io.gatehouse.core.error.IamException EntityAlreadyExists when the name is taken */
    void create(Role role);

    /** Saves the trust policy, description, maximum session duration and tags. */
    void update(Role role);

    /** @throws io.gatehouse.core.error.IamException DeleteConflict while an instance profile holds the role */
    void delete(Role role);
}
