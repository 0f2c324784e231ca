package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.RoleRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Roles in memory, for the services' rules. */
final class InMemoryRoles implements RoleRepository {
    final List<Role> stored = new ArrayList<>();
    long pretendCount = -1;

    @Override
    public Optional<Role> findByName(AccountId account, String name) {
        return stored.stream().filter(r -> r.account().equals(account) && r.name().equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public Page<Role> list(AccountId account, String pathPrefix, PageRequest page) {
        return new Page<>(stored, Optional.empty());
    }

    @Override
    public long count(AccountId account) {
        return pretendCount >= 0 ? pretendCount : stored.size();
    }

    /** Stores or replaces the role; returns it, for fluent test set-up. */
    Role save(Role role) {
        stored.removeIf(r -> r.roleId().equals(role.roleId()) || r.name().equalsIgnoreCase(role.name()));
        stored.add(role);
        return role;
    }

    @Override
    public void create(Role role) {
        stored.add(role);
    }

    @Override
    public void update(Role role) {
        stored.replaceAll(r -> r.roleId().equals(role.roleId()) ? role : r);
    }

    @Override
    public void delete(Role role) {
        stored.removeIf(r -> r.roleId().equals(role.roleId()));
    }
}
