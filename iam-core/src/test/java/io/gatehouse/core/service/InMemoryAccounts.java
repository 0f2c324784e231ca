package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.Account;
import io.gatehouse.core.organization.CreateAccountStatus;
import io.gatehouse.core.organization.MemberAccount;
import io.gatehouse.core.organization.Organization;
import io.gatehouse.core.credential.PasswordHasher;
import io.gatehouse.core.port.AccountRepository;
import io.gatehouse.core.port.OrganizationRepository;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Accounts, their root passwords and one organization, in memory. */
final class InMemoryAccounts implements AccountRepository, OrganizationRepository {

    private final Map<AccountId, Account> accounts = new LinkedHashMap<>();
    private final Map<AccountId, String> hashes = new LinkedHashMap<>();
    private final Map<AccountId, Instant> setAt = new LinkedHashMap<>();
    private final Map<AccountId, MemberAccount> members = new LinkedHashMap<>();
    private Organization organization;

    @Override
    public Optional<Account> find(AccountId id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public boolean isEmpty() {
        return accounts.isEmpty();
    }

    @Override
    public void create(Account account, String rootPasswordHash) {
        accounts.put(account.id(), account);
        hashes.put(account.id(), rootPasswordHash);
    }

    @Override
    public Optional<String> rootPasswordHash(AccountId id) {
        return Optional.ofNullable(hashes.get(id));
    }

    @Override
    public Optional<AccountId> oldest() {
        return accounts.keySet().stream().findFirst();
    }

    @Override
    public Optional<Account> findByRootEmail(String email) {
        List<Account> found = accounts.values().stream().filter(a -> a.rootEmail().equalsIgnoreCase(email)).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    @Override
    public Optional<RootLoginProfile> rootLoginProfile(AccountId id) {
        return rootPasswordHash(id).filter(hash -> !hash.equals(PasswordHasher.NO_PASSWORD))
                .map(hash -> new RootLoginProfile(id, hash, setAt.getOrDefault(id, accounts.get(id).createDate())));
    }

    @Override
    public void setRootPasswordHash(AccountId id, String passwordHash, Instant at) {
        hashes.put(id, passwordHash);
        setAt.put(id, at);
    }

    @Override
    public Optional<Organization> find() {
        return Optional.ofNullable(organization);
    }

    @Override
    public void create(Organization organization, MemberAccount management) {
        this.organization = organization;
        members.put(management.account().id(), management);
    }

    @Override
    public void addMember(Organization organization, MemberAccount member) {
        members.put(member.account().id(), member);
    }

    @Override
    public Optional<MemberAccount> member(AccountId account) {
        return Optional.ofNullable(members.get(account));
    }

    @Override
    public Page<MemberAccount> members(PageRequest page) {
        return new Page<>(new ArrayList<>(members.values()), Optional.empty());
    }

    @Override
    public boolean emailInUse(String email) {
        return accounts.values().stream().anyMatch(a -> a.rootEmail().equalsIgnoreCase(email));
    }

    @Override
    public void record(CreateAccountStatus status) {
    }

    @Override
    public Optional<CreateAccountStatus> status(String requestId) {
        return Optional.empty();
    }

    @Override
    public List<CreateAccountStatus> statuses(int limit) {
        return List.of();
    }
}
