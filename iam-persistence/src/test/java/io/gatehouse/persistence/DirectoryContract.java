package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.credential.SealedSecret;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.identity.LdapProvider;
import io.gatehouse.core.identity.LdapSettings;
import io.gatehouse.core.identity.SamlProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LDAP providers and role-mapping documents (V72). */
abstract class DirectoryContract extends RepositoryContract {

    static LdapProvider ldap(AccountId account, String name) {
        LdapSettings settings = new LdapSettings("ldaps://dc.example.com:636", "cn=svc,dc=example,dc=com",
                "ou=people,dc=example,dc=com", "(sAMAccountName={0})", "ou=groups,dc=example,dc=com",
                "MEMBER_OF_IN_CHAIN", true, Duration.ofMillis(4500));
        return new LdapProvider(account, name, settings, new SealedSecret("k1", new byte[] {1, 2, 3, 4}), T0);
    }

    private static JpaLdapProviderRepository providers(Store.Repositories r) {
        return new JpaLdapProviderRepository(r.em());
    }

    private static JpaRoleMappingRepository mappings(Store.Repositories r) {
        return new JpaRoleMappingRepository(r.em());
    }

    @Test
    void keepsEveryFieldOfAnLdapProvider() {
        AccountId account = givenAccount();
        LdapProvider provider = ldap(account, "Corp");

        store.run(r -> providers(r).create(provider));

        assertEquals(Optional.of(provider), store.inTransaction(r -> providers(r).findByName(account, "corp")));
    }

    @Test
    void databaseRejectsASecondLdapProviderWhoseNameDiffersOnlyInCase() {
        AccountId account = givenAccount();
        store.run(r -> providers(r).create(ldap(account, "corp")));

        assertIamError(ErrorCode.ENTITY_ALREADY_EXISTS, () -> store.run(r -> providers(r).create(ldap(account, "CORP"))));

        assertEquals(1, count(r -> providers(r).count(account)));
    }

    @Test
    void updateSavesTheSettingsAndTheSealedPassword() {
        AccountId account = givenAccount();
        LdapProvider provider = ldap(account, "corp");
        store.run(r -> providers(r).create(provider));
        LdapSettings s = provider.settings();
        LdapProvider changed = provider.withSettings(new LdapSettings("ldaps://dc2.example.com", s.bindDn(),
                s.userSearchBase(), "(uid={0})", s.groupSearchBase(), "MEMBER_ATTRIBUTE", false,
                Duration.ofSeconds(10)), new SealedSecret("k2", new byte[] {9, 9}));

        store.run(r -> providers(r).update(changed));

        assertEquals(Optional.of(changed), store.inTransaction(r -> providers(r).findByName(account, "corp")));
    }

    @Test
    void listsAnAccountsProvidersByName() {
        AccountId account = givenAccount();
        AccountId other = givenAccount();
        store.run(r -> {
            providers(r).create(ldap(account, "zeta"));
            providers(r).create(ldap(account, "Alpha"));
            providers(r).create(ldap(other, "beta"));
        });

        assertEquals(List.of("Alpha", "zeta"), store.inTransaction(r -> providers(r).list(account))
                .stream().map(LdapProvider::name).toList());
    }

    @Test
    void deleteRemovesTheProvider() {
        AccountId account = givenAccount();
        LdapProvider provider = ldap(account, "corp");
        store.run(r -> providers(r).create(provider));

        store.run(r -> providers(r).delete(provider));

        assertEquals(Optional.empty(), store.inTransaction(r -> providers(r).findByName(account, "corp")));
    }

    @Test
    void putCreatesThenReplacesAProvidersMappingDocument() {
        AccountId account = givenAccount();
        Arn provider = SamlProvider.arn(account, "okta");

        store.run(r -> mappings(r).put(account, provider, "{\"first\":true}"));
        store.run(r -> mappings(r).put(account, provider, "{\"second\":\"" + "é".repeat(100_000) + "\"}"));

        assertEquals(Optional.of("{\"second\":\"" + "é".repeat(100_000) + "\"}"),
                store.inTransaction(r -> mappings(r).find(provider)));
    }

    @Test
    void deleteRemovesAMappingDocumentAndSaysWhetherThereWasOne() {
        AccountId account = givenAccount();
        Arn provider = LdapProvider.arn(account, "corp");
        store.run(r -> mappings(r).put(account, provider, "{}"));

        assertTrue(holds(r -> mappings(r).delete(provider)));
        assertFalse(holds(r -> mappings(r).delete(provider)));
        assertEquals(Optional.empty(), store.inTransaction(r -> mappings(r).find(provider)));
    }
}
