package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.RoleLastUsed;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.RoleRepository;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The roles as the request path reads them: a role found by name is kept for a few seconds
 * ({@link RecentReads}), because every AssumeRole and every request of a role session reads it.
 * Everything else goes to the store as it is; services that change roles use the store directly.
 */
public final class RecentlyReadRoles implements RoleRepository {

    private record Name(AccountId account, String lowerCaseName) {
    }

    private static final int CAPACITY = 50_000;

    private final RoleRepository store;
    private final RecentReads<Name, Role> byName;

    public RecentlyReadRoles(RoleRepository store, AccountChanges changes, Clock clock) {
        this.store = store;
        this.byName = new RecentReads<>(changes, clock, RecentReads.STALENESS, CAPACITY);
    }

    @Override
    public Optional<Role> findByName(AccountId account, String name) {
        Name key = new Name(account, name.toLowerCase(Locale.ROOT));
        return byName.find(key, () -> store.findByName(account, name));
    }

    @Override
    public Optional<Role> findById(String roleId) {
        return store.findById(roleId);
    }

    @Override
    public Page<Role> list(AccountId account, String pathPrefix, PageRequest page) {
        return store.list(account, pathPrefix, page);
    }

    @Override
    public long count(AccountId account) {
        return store.count(account);
    }

    @Override
    public void create(Role role) {
        store.create(role);
    }

    @Override
    public void update(Role role) {
        store.update(role);
    }

    @Override
    public void delete(Role role) {
        store.delete(role);
    }

    @Override
    public Optional<RoleLastUsed> lastUsed(Role role) {
        return store.lastUsed(role);
    }

    @Override
    public void recordUse(Role role, RoleLastUsed use) {
        store.recordUse(role, use);
    }

    @Override
    public void putInlinePolicy(Role role, String policyName, String document) {
        store.putInlinePolicy(role, policyName, document);
    }

    @Override
    public Optional<String> inlinePolicy(Role role, String policyName) {
        return store.inlinePolicy(role, policyName);
    }

    @Override
    public List<String> inlinePolicyNames(Role role) {
        return store.inlinePolicyNames(role);
    }

    @Override
    public boolean deleteInlinePolicy(Role role, String policyName) {
        return store.deleteInlinePolicy(role, policyName);
    }
}
