package io.gatehouse.core.port;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.InstanceProfile;
import io.gatehouse.core.identity.Role;

import java.util.Optional;

/**
 * Instance profiles and the role each holds. Names unique per account, case-insensitively; the
 * store enforces it. Profiles are returned with their roles.
 */
public interface InstanceProfileRepository {
    Optional<InstanceProfile> findByName(AccountId account, String name);

    /** Profiles whose path starts with {@code pathPrefix}, ordered by name (case-insensitively). */
    Page<InstanceProfile> list(AccountId account, String pathPrefix, PageRequest page);

    Page<InstanceProfile> listForRole(Role role, PageRequest page);

    long count(AccountId account);

    /** How many instance profiles hold the role. */
    long countForRole(Role role);

    /** @throws io.gatehouse.core.error.IamException EntityAlreadyExists when the name is taken */
    void create(InstanceProfile profile);

    /** Saves the profile's tags. */
    void update(InstanceProfile profile);

    /** @throws io.gatehouse.core.error.IamException DeleteConflict while the profile holds a role */
    void delete(InstanceProfile profile);

    /** @throws io.gatehouse.core.error.IamException LimitExceeded when the profile already holds a role */
    void addRole(InstanceProfile profile, Role role);

    void removeRole(InstanceProfile profile, Role role);
}
