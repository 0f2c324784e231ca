package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.RoleLastUsed;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.RoleRepository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Roles in memory, for the services' rules. */
final class InMemoryRoles implements RoleRepository {
    final List<Role> stored = new ArrayList<>();
    private final java.util.Map<String, java.util.Map<String, String>> inline = new java.util.HashMap<>();
    long pretendCount = -1;
    private final java.util.Map<String, RoleLastUsed> uses = new java.util.HashMap<>();

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
    public Optional<Role> findById(String roleId) {
        return stored.stream().filter(r -> r.roleId().equals(roleId)).findFirst();
    }

    @Override
    public void putInlinePolicy(Role role, String policyName, String document) {
        inline.computeIfAbsent(role.roleId(), id -> new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER))
                .put(policyName, document);
    }

    @Override
    public Optional<String> inlinePolicy(Role role, String policyName) {
        return Optional.ofNullable(inline.getOrDefault(role.roleId(), java.util.Map.of()).get(policyName));
    }

    @Override
    public List<String> inlinePolicyNames(Role role) {
        return List.copyOf(inline.getOrDefault(role.roleId(), new java.util.TreeMap<>()).keySet());
    }

    @Override
    public boolean deleteInlinePolicy(Role role, String policyName) {
        java.util.Map<String, String> policies = inline.get(role.roleId());
        return policies != null && policies.remove(policyName) != null;
    }

    @Override
    public Optional<RoleLastUsed> lastUsed(Role role) {
        return Optional.ofNullable(uses.get(role.roleId()));
    }

    @Override
    public void recordUse(Role role, RoleLastUsed use) {
        uses.put(role.roleId(), use);
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
