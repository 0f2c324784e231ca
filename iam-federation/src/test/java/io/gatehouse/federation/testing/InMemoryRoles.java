package io.gatehouse.federation.testing;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.RoleLastUsed;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.RoleRepository;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Roles in memory, with only what assuming a role reads: find by name, record the use. */
public final class InMemoryRoles implements RoleRepository {

    private final Map<String, Role> roles = new ConcurrentHashMap<>();

    public void add(Role role) {
        roles.put(role.account().value() + "/" + role.name().toLowerCase(), role);
    }

    public Optional<Role> findByName(AccountId account, String name) {
        return Optional.ofNullable(roles.get(account.value() + "/" + name.toLowerCase()));
    }

    public void recordUse(Role role, RoleLastUsed use) {
    }

    public Optional<Role> findById(String roleId) {
        throw new UnsupportedOperationException();
    }

    public Page<Role> list(AccountId account, String pathPrefix, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    public long count(AccountId account) {
        return roles.size();
    }

    public void create(Role role) {
        throw new UnsupportedOperationException();
    }

    public void update(Role role) {
        throw new UnsupportedOperationException();
    }

    public void delete(Role role) {
        throw new UnsupportedOperationException();
    }

    public Optional<RoleLastUsed> lastUsed(Role role) {
        return Optional.empty();
    }

    public void putInlinePolicy(Role role, String policyName, String document) {
        throw new UnsupportedOperationException();
    }

    public Optional<String> inlinePolicy(Role role, String policyName) {
        return Optional.empty();
    }

    public List<String> inlinePolicyNames(Role role) {
        return List.of();
    }

    public boolean deleteInlinePolicy(Role role, String policyName) {
        return false;
    }
}
