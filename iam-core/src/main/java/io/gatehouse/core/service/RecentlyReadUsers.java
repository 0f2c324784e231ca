package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.UserRepository;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The users as the request path reads them: a user found by id (whose access key or session
 * token signed the request) is kept for a few seconds ({@link RecentReads}). Everything else goes
 * to the store as it is; services that change users use the store directly.
 */
public final class RecentlyReadUsers implements UserRepository {

    private static final int CAPACITY = 50_000;

    private final UserRepository store;
    private final RecentReads<String, User> byId;

    public RecentlyReadUsers(UserRepository store, AccountChanges changes, Clock clock) {
        this.store = store;
        this.byId = new RecentReads<>(changes, clock, RecentReads.STALENESS, CAPACITY);
    }

    @Override
    public Optional<User> findById(String userId) {
        return byId.find(userId, () -> store.findById(userId));
    }

    @Override
    public Optional<User> findByName(AccountId account, String name) {
        return store.findByName(account, name);
    }

    @Override
    public Page<User> list(AccountId account, String pathPrefix, PageRequest page) {
        return store.list(account, pathPrefix, page);
    }

    @Override
    public long count(AccountId account) {
        return store.count(account);
    }

    @Override
    public void create(User user) {
        store.create(user);
    }

    @Override
    public void update(User user) {
        store.update(user);
    }

    @Override
    public void delete(User user) {
        store.delete(user);
    }

    @Override
    public void putInlinePolicy(User user, String policyName, String document) {
        store.putInlinePolicy(user, policyName, document);
    }

    @Override
    public Optional<String> inlinePolicy(User user, String policyName) {
        return store.inlinePolicy(user, policyName);
    }

    @Override
    public List<String> inlinePolicyNames(User user) {
        return store.inlinePolicyNames(user);
    }

    @Override
    public boolean deleteInlinePolicy(User user, String policyName) {
        return store.deleteInlinePolicy(user, policyName);
    }
}
