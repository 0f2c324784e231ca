package io.gatehouse.federation.ldap;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.credential.CredentialGenerator;
import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.LdapProvider;
import io.gatehouse.core.identity.LdapSettings;
import io.gatehouse.core.identity.MaxSessionDuration;
import io.gatehouse.core.identity.OpenIdConnectProvider;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.RoleLastUsed;
import io.gatehouse.core.identity.SamlProvider;
import io.gatehouse.core.port.LdapProviderRepository;
import io.gatehouse.core.port.OpenIdConnectProviderRepository;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.RoleMappingRepository;
import io.gatehouse.core.port.RoleRepository;
import io.gatehouse.core.port.SamlProviderRepository;
import io.gatehouse.core.service.CompiledPolicyCache;
import io.gatehouse.core.service.FederatedSessions;
import io.gatehouse.core.policy.eval.PolicyEvaluator;
import io.gatehouse.core.service.IdentityProviderService;
import io.gatehouse.core.service.LdapProviderService;
import io.gatehouse.core.service.SecurityTokenService;
import io.gatehouse.core.sts.SessionTokenCodec;
import io.gatehouse.core.sts.TokenKeys;
import io.gatehouse.federation.mapping.ProviderRoleMappings;
import io.gatehouse.federation.testing.InMemoryRoleMappings;
import io.gatehouse.federation.testing.InMemoryRoles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The services of directory sign-in over in-memory stores: LDAP providers (checked by the real
 * {@link LdapDirectories}), role-mapping documents, roles, and STS with a real token codec. The
 * account has no SAML or OIDC providers.
 */
final class FederationFixture implements AutoCloseable {

    static final AccountId ACCOUNT = new AccountId("111111111111");
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    final Map<String, LdapProvider> providers = new HashMap<>();
    final InMemoryRoleMappings documents = new InMemoryRoleMappings();
    final InMemoryRoles roles = new InMemoryRoles();
    final LdapDirectories directories = new LdapDirectories(CLOCK);
    final SessionTokenCodec codec = new SessionTokenCodec(new TokenKeys(SecretCipher.generateKey("t"), List.of()), CLOCK);
    final LdapProviderService ldapProviders = new LdapProviderService(providerStore(), documents, directories,
            new SecretCipher(SecretCipher.generateKey("k"), List.of()), CLOCK);
    final IdentityProviderService identityProviders = new IdentityProviderService(new NoSamlProviders(),
            new NoOidcProviders(), document -> {
                throw new UnsupportedOperationException();
            }, documents, CLOCK);
    final ProviderRoleMappings mappings = new ProviderRoleMappings(documents, identityProviders, ldapProviders);
    final SecurityTokenService sts = new SecurityTokenService(roles, null, null, new CompiledPolicyCache(64),
            codec, new CredentialGenerator(), CLOCK);
    final LdapIdentityFederation federation = new LdapIdentityFederation(ldapProviders, directories, mappings,
            new FederatedSessions(sts, new CompiledPolicyCache(64), new PolicyEvaluator()));

    /** An LDAP provider for {@code directory}'s Active Directory part. */
    LdapProvider givenProvider(String name, TestDirectory directory) {
        return ldapProviders.create(ACCOUNT, name, new LdapSettings(directory.url().toString(), TestDirectory.SERVICE_DN,
                "OU=Users," + TestDirectory.BASE, TestDirectory.AD_USER_FILTER, "OU=Groups," + TestDirectory.BASE,
                "MEMBER_OF_NESTED", true, Duration.ofSeconds(5)), TestDirectory.SERVICE_PASSWORD);
    }

    Role givenRole(String name, String trustPolicy) {
        Role role = new Role(ACCOUNT, "AROA" + Integer.toHexString(name.hashCode()).toUpperCase(), name, "/", NOW,
                trustPolicy, Optional.empty(), MaxSessionDuration.DEFAULT, List.of());
        roles.add(role);
        return role;
    }

    static String trusting(Arn provider) {
        return trusting(provider, "");
    }

    static String trusting(Arn provider, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\""
                + provider + "\"},\"Action\":\"sts:AssumeRoleWithLDAPIdentity\"" + condition + "}]}";
    }

    @Override
    public void close() {
        directories.close();
    }

    private LdapProviderRepository providerStore() {
        return new LdapProviderRepository() {
            public Optional<LdapProvider> findByName(AccountId account, String name) {
                return Optional.ofNullable(providers.get(name.toLowerCase())).filter(p -> p.account().equals(account));
            }

            public List<LdapProvider> list(AccountId account) {
                return new ArrayList<>(providers.values());
            }

            public long count(AccountId account) {
                return providers.size();
            }

            public void create(LdapProvider provider) {
                if (providers.putIfAbsent(provider.name().toLowerCase(), provider) != null) {
                    throw IamException.alreadyExists("taken");
                }
            }

            public void update(LdapProvider provider) {
                providers.put(provider.name().toLowerCase(), provider);
            }

            public void delete(LdapProvider provider) {
                providers.remove(provider.name().toLowerCase());
            }
        };
    }

    private static final class NoSamlProviders implements SamlProviderRepository {
        public Optional<SamlProvider> findByName(AccountId account, String name) {
            return Optional.empty();
        }

        public List<SamlProvider> list(AccountId account) {
            return List.of();
        }

        public long count(AccountId account) {
            return 0;
        }

        public void create(SamlProvider provider) {
            throw new UnsupportedOperationException();
        }

        public void update(SamlProvider provider) {
            throw new UnsupportedOperationException();
        }

        public void delete(SamlProvider provider) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class NoOidcProviders implements OpenIdConnectProviderRepository {
        public Optional<OpenIdConnectProvider> find(AccountId account, String key) {
            return Optional.empty();
        }

        public List<OpenIdConnectProvider> list(AccountId account) {
            return List.of();
        }

        public long count(AccountId account) {
            return 0;
        }

        public void create(OpenIdConnectProvider provider) {
            throw new UnsupportedOperationException();
        }

        public void update(OpenIdConnectProvider provider) {
            throw new UnsupportedOperationException();
        }

        public void delete(OpenIdConnectProvider provider) {
            throw new UnsupportedOperationException();
        }
    }
}
