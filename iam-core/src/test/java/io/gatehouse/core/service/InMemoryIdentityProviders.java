package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.OpenIdConnectProvider;
import io.gatehouse.core.identity.SamlProvider;
import io.gatehouse.core.port.OpenIdConnectProviderRepository;
import io.gatehouse.core.port.SamlProviderRepository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** SAML and OIDC providers in memory, for the service's rules. */
final class InMemoryIdentityProviders {

    final List<SamlProvider> saml = new ArrayList<>();
    final List<OpenIdConnectProvider> oidc = new ArrayList<>();

    final SamlProviderRepository samlRepository = new SamlProviderRepository() {
        @Override
        public Optional<SamlProvider> findByName(AccountId account, String name) {
            return saml.stream().filter(p -> p.account().equals(account) && p.name().equalsIgnoreCase(name))
                    .findFirst();
        }

        @Override
        public List<SamlProvider> list(AccountId account) {
            return saml.stream().filter(p -> p.account().equals(account))
                    .sorted(Comparator.comparing(p -> p.name().toLowerCase())).toList();
        }

        @Override
        public long count(AccountId account) {
            return list(account).size();
        }

        @Override
        public void create(SamlProvider provider) {
            if (findByName(provider.account(), provider.name()).isPresent()) {
                throw IamException.alreadyExists("taken");
            }
            saml.add(provider);
        }

        @Override
        public void update(SamlProvider provider) {
            saml.replaceAll(p -> p.uuid().equals(provider.uuid()) ? provider : p);
        }

        @Override
        public void delete(SamlProvider provider) {
            saml.removeIf(p -> p.uuid().equals(provider.uuid()));
        }
    };

    final OpenIdConnectProviderRepository oidcRepository = new OpenIdConnectProviderRepository() {
        @Override
        public Optional<OpenIdConnectProvider> find(AccountId account, String key) {
            return oidc.stream().filter(p -> p.account().equals(account) && p.key().equals(key)).findFirst();
        }

        @Override
        public List<OpenIdConnectProvider> list(AccountId account) {
            return oidc.stream().filter(p -> p.account().equals(account))
                    .sorted(Comparator.comparing(OpenIdConnectProvider::key)).toList();
        }

        @Override
        public long count(AccountId account) {
            return list(account).size();
        }

        @Override
        public void create(OpenIdConnectProvider provider) {
            oidc.add(provider);
        }

        @Override
        public void update(OpenIdConnectProvider provider) {
            oidc.replaceAll(p -> p.arn().equals(provider.arn()) ? provider : p);
        }

        @Override
        public void delete(OpenIdConnectProvider provider) {
            oidc.removeIf(p -> p.arn().equals(provider.arn()));
        }
    };
}
