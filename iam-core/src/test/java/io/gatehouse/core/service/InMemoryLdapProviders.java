package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.LdapProvider;
import io.gatehouse.core.port.LdapProviderRepository;
import io.gatehouse.core.port.RoleMappingRepository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** LDAP providers and role-mapping documents in memory, for the services' rules. */
final class InMemoryLdapProviders implements LdapProviderRepository, RoleMappingRepository {

    final List<LdapProvider> providers = new ArrayList<>();
    final Map<Arn, String> documents = new HashMap<>();

    @Override
    public Optional<LdapProvider> findByName(AccountId account, String name) {
        return providers.stream().filter(p -> p.account().equals(account) && p.name().equalsIgnoreCase(name))
                .findFirst();
    }

    @Override
    public List<LdapProvider> list(AccountId account) {
        return providers.stream().filter(p -> p.account().equals(account))
                .sorted(Comparator.comparing(p -> p.name().toLowerCase())).toList();
    }

    @Override
    public long count(AccountId account) {
        return list(account).size();
    }

    @Override
    public void create(LdapProvider provider) {
        if (findByName(provider.account(), provider.name()).isPresent()) {
            throw IamException.alreadyExists("taken");
        }
        providers.add(provider);
    }

    @Override
    public void update(LdapProvider provider) {
        providers.replaceAll(p -> p.arn().equals(provider.arn()) ? provider : p);
    }

    @Override
    public void delete(LdapProvider provider) {
        providers.removeIf(p -> p.arn().equals(provider.arn()));
    }

    @Override
    public Optional<String> find(Arn provider) {
        return Optional.ofNullable(documents.get(provider));
    }

    @Override
    public void put(AccountId account, Arn provider, String document) {
        documents.put(provider, document);
    }

    @Override
    public boolean delete(Arn provider) {
        return documents.remove(provider) != null;
    }
}
