package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.federation.ProviderUrl;
import io.gatehouse.core.identity.OpenIdConnectProvider;
import io.gatehouse.core.identity.SamlProvider;
import io.gatehouse.core.identity.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

abstract class IdentityProviderContract extends RepositoryContract {

    static SamlProvider saml(AccountId account, String name, String document) {
        return new SamlProvider(account, name, UUID.randomUUID().toString(), document, T0, at(86_400), List.of());
    }

    static OpenIdConnectProvider oidc(AccountId account, String url) {
        return new OpenIdConnectProvider(account, new ProviderUrl(URI.create(url)), List.of("app"),
                List.of("9e99a48a9960b14926bb7f3b02e22da2b0ab7280"), T0, List.of());
    }

    @Test
    void keepsEveryFieldOfASamlProviderAndALargeDocumentWhole() {
        AccountId account = givenAccount();
        String document = "<md:EntityDescriptor>" + "é".repeat(200_000) + "</md:EntityDescriptor>";
        SamlProvider provider = saml(account, "Okta", document).withTags(List.of(new Tag("team", "id")));

        store.run(r -> r.samlProviders().create(provider));

        assertEquals(Optional.of(provider), store.inTransaction(r -> r.samlProviders().findByName(account, "okta")));
    }

    @Test
    void databaseRejectsASecondSamlProviderWhoseNameDiffersOnlyInCase() {
        AccountId account = givenAccount();
        store.run(r -> r.samlProviders().create(saml(account, "adfs", "<a/>")));

        assertIamError(ErrorCode.ENTITY_ALREADY_EXISTS,
                () -> store.run(r -> r.samlProviders().create(saml(account, "ADFS", "<b/>"))));

        assertEquals(1, count(r -> r.samlProviders().count(account)));
    }

    @Test
    void updateSavesTheDocumentValidityAndTags() {
        AccountId account = givenAccount();
        SamlProvider provider = saml(account, "idp", "<first/>");
        store.run(r -> r.samlProviders().create(provider));
        SamlProvider changed = provider.withMetadata("<second/>", at(3600)).withTags(List.of(new Tag("k", "v")));

        store.run(r -> r.samlProviders().update(changed));

        assertEquals(Optional.of(changed), store.inTransaction(r -> r.samlProviders().findByName(account, "idp")));
    }

    @Test
    void listsSamlProvidersOfOneAccountByName() {
        AccountId account = givenAccount();
        store.run(r -> r.samlProviders().create(saml(account, "zeta", "<z/>")));
        store.run(r -> r.samlProviders().create(saml(account, "Alpha", "<a/>")));
        store.run(r -> r.samlProviders().create(saml(givenAccount(), "beta", "<b/>")));

        assertEquals(List.of("Alpha", "zeta"), store.inTransaction(r -> r.samlProviders().list(account))
                .stream().map(SamlProvider::name).toList());
    }

    @Test
    void deletesASamlProviderWithItsTags() {
        AccountId account = givenAccount();
        SamlProvider provider = saml(account, "idp", "<a/>").withTags(List.of(new Tag("k", "v")));
        store.run(r -> r.samlProviders().create(provider));

        store.run(r -> r.samlProviders().delete(provider));

        assertEquals(0, count(r -> r.samlProviders().count(account)));
    }

    @Test
    void keepsEveryFieldOfAnOidcProviderInOrder() {
        AccountId account = givenAccount();
        OpenIdConnectProvider provider = oidc(account, "http://localhost:8443/realms/test")
                .withClientIds(List.of("web", "cli", "api")).withThumbprints(List.of("b".repeat(40), "a".repeat(40)))
                .withTags(List.of(new Tag("env", "test")));

        store.run(r -> r.oidcProviders().create(provider));

        assertEquals(Optional.of(provider),
                store.inTransaction(r -> r.oidcProviders().find(account, "localhost:8443/realms/test")));
    }

    @Test
    void databaseRejectsASecondOidcProviderForTheSameUrl() {
        AccountId account = givenAccount();
        store.run(r -> r.oidcProviders().create(oidc(account, "https://issuer.example.com")));

        var error = assertIamError(ErrorCode.ENTITY_ALREADY_EXISTS,
                () -> store.run(r -> r.oidcProviders().create(oidc(account, "https://issuer.example.com"))));

        assertEquals("Provider with url https://issuer.example.com already exists.", error.getMessage());
    }

    @Test
    void updateSavesClientIdsThumbprintsAndTags() {
        AccountId account = givenAccount();
        OpenIdConnectProvider provider = oidc(account, "https://issuer.example.com");
        store.run(r -> r.oidcProviders().create(provider));
        OpenIdConnectProvider changed = provider.withClientIds(List.of("other")).withThumbprints(List.of())
                .withTags(List.of(new Tag("a", "b")));

        store.run(r -> r.oidcProviders().update(changed));

        assertEquals(Optional.of(changed),
                store.inTransaction(r -> r.oidcProviders().find(account, "issuer.example.com")));
    }

    @Test
    void listsAndDeletesOidcProviders() {
        AccountId account = givenAccount();
        OpenIdConnectProvider second = oidc(account, "https://b.example.com");
        store.run(r -> r.oidcProviders().create(second));
        store.run(r -> r.oidcProviders().create(oidc(account, "https://a.example.com")));

        store.run(r -> r.oidcProviders().delete(second));

        assertEquals(List.of("a.example.com"), store.inTransaction(r -> r.oidcProviders().list(account))
                .stream().map(OpenIdConnectProvider::key).toList());
    }
}
