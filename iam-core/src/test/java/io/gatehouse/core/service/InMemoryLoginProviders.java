package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.LoginProvider;
import io.gatehouse.core.port.LoginProviderRepository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Sign-in providers in memory, for the service's rules. */
final class InMemoryLoginProviders implements LoginProviderRepository {

    final List<LoginProvider> providers = new ArrayList<>();

    @Override
    public Optional<LoginProvider> findByName(AccountId account, String name) {
        return providers.stream().filter(p -> p.account().equals(account) && p.name().equalsIgnoreCase(name))
                .findFirst();
    }

    @Override
    public List<LoginProvider> list(AccountId account) {
        return providers.stream().filter(p -> p.account().equals(account))
                .sorted(Comparator.comparing(p -> p.name().toLowerCase())).toList();
    }

    @Override
    public long count(AccountId account) {
        return list(account).size();
    }

    @Override
    public void create(LoginProvider provider) {
        if (findByName(provider.account(), provider.name()).isPresent()) {
            throw IamException.alreadyExists("LoginProvider with name " + provider.name() + " already exists.");
        }
        providers.add(provider);
    }

    @Override
    public void update(LoginProvider provider) {
        delete(provider);
        providers.add(provider);
    }

    @Override
    public void delete(LoginProvider provider) {
        providers.removeIf(p -> p.arn().equals(provider.arn()));
    }
}
