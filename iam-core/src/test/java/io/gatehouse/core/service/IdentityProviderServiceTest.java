package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.federation.SamlProviderMetadata;
import io.gatehouse.core.identity.OpenIdConnectProvider;
import io.gatehouse.core.identity.SamlProvider;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.port.RoleMappingRepository;
import io.gatehouse.core.service.IdentityProviderService.NewOpenIdConnectProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of the identity provider actions: parameters, quotas, ARNs, metadata validity. */
class IdentityProviderServiceTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private static final AccountId OTHER = new AccountId("210987654321");
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String THUMBPRINT = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280";
    /** The fake reader refuses documents containing this, as the real one refuses invalid metadata. */
    private static final String INVALID = "not-metadata";

    private final InMemoryIdentityProviders store = new InMemoryIdentityProviders();
    private Optional<Instant> statedValidUntil = Optional.empty();
    private final SettableClock clock = new SettableClock(NOW);
    /** Role-mapping documents by provider ARN. */
    private final Map<Arn, String> mappings = new HashMap<>();
    private final RoleMappingRepository mappingStore = new RoleMappingRepository() {
        @Override
        public Optional<String> find(Arn provider) {
            return Optional.ofNullable(mappings.get(provider));
        }

        @Override
        public void put(AccountId account, Arn provider, String document) {
            mappings.put(provider, document);
        }

        @Override
        public boolean delete(Arn provider) {
            return mappings.remove(provider) != null;
        }
    };
    private final IdentityProviderService service = new IdentityProviderService(store.samlRepository,
            store.oidcRepository, document -> {
                if (document.contains(INVALID)) {
                    throw new IamException(ErrorCode.INVALID_INPUT, "Invalid SAML metadata document");
                }
                return new SamlProviderMetadata("urn:idp", List.of("MIIB"), List.of(), statedValidUntil);
            }, mappingStore, clock);

    private static String metadata(String marker) {
        return "<md:EntityDescriptor " + marker + ">" + "x".repeat(1000) + "</md:EntityDescriptor>";
    }

    private SamlProvider givenSamlProvider(String name) {
        return service.createSamlProvider(ACCOUNT, name, metadata("first"), List.of());
    }

    private OpenIdConnectProvider givenOidcProvider(String url, List<String> clientIds) {
        return service.createOpenIdConnectProvider(ACCOUNT,
                new NewOpenIdConnectProvider(url, clientIds, List.of(THUMBPRINT), List.of()));
    }

    private static IamException assertIamError(ErrorCode code, Executable call) {
        IamException error = assertThrows(IamException.class, call);
        assertEquals(code, error.code(), error.getMessage());
        return error;
    }

    @Test
    void aSamlProviderIsNamedInItsArn() {
        SamlProvider provider = givenSamlProvider("Okta");

        assertEquals("arn:aws:iam::123456789012:saml-provider/Okta", provider.arn().toString());
        assertEquals(NOW, provider.createDate());
        assertTrue(provider.uuid().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    }

    @Test
    void validUntilIsTheMetadataDocumentsOwn() {
        statedValidUntil = Optional.of(Instant.parse("2027-06-30T12:00:00Z"));

        SamlProvider provider = givenSamlProvider("adfs");

        assertEquals(Instant.parse("2027-06-30T12:00:00Z"), provider.validUntil());
    }

    @Test
    void metadataWithoutExpiryIsValidForAHundredYears() {
        SamlProvider provider = givenSamlProvider("adfs");

        assertEquals(Instant.parse("2126-01-01T00:00:00Z"), provider.validUntil());
    }

    @Test
    void refusesInvalidMetadataAndStoresNothing() {
        assertIamError(ErrorCode.INVALID_INPUT,
                () -> service.createSamlProvider(ACCOUNT, "idp", metadata(INVALID), List.of()));

        assertTrue(store.saml.isEmpty());
    }

    @Test
    void refusesMetadataShorterThanAwsMinimumWithoutRepeatingIt() {
        var error = assertIamError(ErrorCode.VALIDATION_ERROR,
                () -> service.createSamlProvider(ACCOUNT, "idp", "<short/>", List.of()));

        assertTrue(error.getMessage().contains("sAMLMetadataDocument"), error.getMessage());
        assertTrue(!error.getMessage().contains("<short/>"), error.getMessage());
    }

    @Test
    void refusesSamlProviderNameOutsideAwsPattern() {
        var error = assertIamError(ErrorCode.VALIDATION_ERROR,
                () -> service.createSamlProvider(ACCOUNT, "my idp", metadata("m"), List.of()));

        assertTrue(error.getMessage().contains("[\\w._-]+"), error.getMessage());
    }

    @Test
    void refusesSecondSamlProviderWhoseNameDiffersOnlyInCase() {
        givenSamlProvider("Okta");

        assertIamError(ErrorCode.ENTITY_ALREADY_EXISTS, () -> givenSamlProvider("OKTA"));
    }

    @Test
    void refusesTheHundredAndFirstSamlProvider() {
        IntStream.range(0, Quotas.SAML_PROVIDERS_PER_ACCOUNT).forEach(i -> givenSamlProvider("idp-" + i));

        var error = assertIamError(ErrorCode.LIMIT_EXCEEDED, () -> givenSamlProvider("one-too-many"));

        assertEquals("Cannot exceed quota for SamlProvidersPerAccount: 100", error.getMessage());
    }

    @Test
    void updateReplacesTheDocumentAndItsValidity() {
        SamlProvider provider = givenSamlProvider("idp");
        statedValidUntil = Optional.of(Instant.parse("2030-01-01T00:00:00Z"));

        service.updateSamlProvider(ACCOUNT, provider.arn().toString(), metadata("second"));

        SamlProvider stored = service.samlProvider(ACCOUNT, provider.arn().toString());
        assertEquals(metadata("second"), stored.metadataDocument());
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), stored.validUntil());
        assertEquals(provider.uuid(), stored.uuid());
    }

    @Test
    void anotherAccountsSamlProviderIsNotFound() {
        SamlProvider provider = givenSamlProvider("idp");

        var error = assertIamError(ErrorCode.NO_SUCH_ENTITY,
                () -> service.samlProvider(OTHER, provider.arn().toString()));

        assertEquals("Manifest not found for arn " + provider.arn(), error.getMessage());
    }

    @Test
    void anOidcProviderArnDoesNotNameASamlProvider() {
        assertIamError(ErrorCode.INVALID_INPUT,
                () -> service.samlProvider(ACCOUNT, "arn:aws:iam::123456789012:oidc-provider/example.com"));
    }

    @Test
    void taggingMergesAndUntaggingRemovesCaseInsensitively() {
        String arn = givenSamlProvider("idp").arn().toString();

        service.tagSamlProvider(ACCOUNT, arn, List.of(new Tag("team", "a"), new Tag("env", "dev")));
        service.tagSamlProvider(ACCOUNT, arn, List.of(new Tag("Team", "b")));
        service.untagSamlProvider(ACCOUNT, arn, List.of("ENV"));

        assertEquals(List.of(new Tag("Team", "b")), service.samlProvider(ACCOUNT, arn).tags());
    }

    @Test
    void deletedSamlProviderIsGone() {
        String arn = givenSamlProvider("idp").arn().toString();

        service.deleteSamlProvider(ACCOUNT, arn);

        assertIamError(ErrorCode.NO_SUCH_ENTITY, () -> service.deleteSamlProvider(ACCOUNT, arn));
    }

    @Test
    void aDeletedProviderTakesItsRoleMappingsWithIt() {
        SamlProvider saml = givenSamlProvider("mapped");
        OpenIdConnectProvider oidc = givenOidcProvider("https://mapped.example.com", List.of("app"));
        SamlProvider kept = givenSamlProvider("kept");
        mappings.put(saml.arn(), "{}");
        mappings.put(oidc.arn(), "{}");
        mappings.put(kept.arn(), "{}");

        service.deleteSamlProvider(ACCOUNT, saml.arn().toString());
        service.deleteOpenIdConnectProvider(ACCOUNT, oidc.arn().toString());

        assertEquals(Map.of(kept.arn(), "{}"), mappings);
    }

    @Test
    void anOidcProviderArnHoldsTheUrlWithoutScheme() {
        OpenIdConnectProvider provider = givenOidcProvider("https://Token.Example.com/tenant/", List.of("app"));

        assertEquals("arn:aws:iam::123456789012:oidc-provider/token.example.com/tenant", provider.arn().toString());
    }

    @Test
    void refusesPlainHttpExceptOnLoopback() {
        assertIamError(ErrorCode.INVALID_INPUT, () -> givenOidcProvider("http://issuer.example.com", List.of()));

        OpenIdConnectProvider local = givenOidcProvider("http://127.0.0.1:8080/realms/test", List.of());

        assertEquals("127.0.0.1:8080/realms/test", local.key());
    }

    @Test
    void refusesASecondProviderForTheSameUrl() {
        givenOidcProvider("https://issuer.example.com", List.of("a"));

        var error = assertIamError(ErrorCode.ENTITY_ALREADY_EXISTS,
                () -> givenOidcProvider("https://ISSUER.example.com/", List.of("b")));

        assertEquals("Provider with url https://ISSUER.example.com/ already exists.", error.getMessage());
    }

    @Test
    void aThumbprintIsFortyHexDigits() {
        assertIamError(ErrorCode.VALIDATION_ERROR, () -> service.createOpenIdConnectProvider(ACCOUNT,
                new NewOpenIdConnectProvider("https://a.example.com", List.of(), List.of("abc"), List.of())));
        assertIamError(ErrorCode.INVALID_INPUT, () -> service.createOpenIdConnectProvider(ACCOUNT,
                new NewOpenIdConnectProvider("https://a.example.com", List.of(), List.of("z".repeat(40)), List.of())));
    }

    @Test
    void refusesMoreThanFiveThumbprints() {
        List<String> six = IntStream.range(0, 6).mapToObj(i -> String.format("%040x", i)).toList();

        assertIamError(ErrorCode.INVALID_INPUT, () -> service.createOpenIdConnectProvider(ACCOUNT,
                new NewOpenIdConnectProvider("https://a.example.com", List.of(), six, List.of())));
    }

    @Test
    void theThumbprintListMayBeEmpty() {
        OpenIdConnectProvider provider = service.createOpenIdConnectProvider(ACCOUNT,
                new NewOpenIdConnectProvider("https://a.example.com", List.of("app"), List.of(), List.of()));

        assertEquals(List.of(), provider.thumbprints());
    }

    @Test
    void refusesMoreThanAHundredClientIds() {
        List<String> ids = IntStream.range(0, 101).mapToObj(i -> "client-" + i).toList();

        var error = assertIamError(ErrorCode.LIMIT_EXCEEDED, () -> givenOidcProvider("https://a.example.com", ids));

        assertEquals("Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100", error.getMessage());
    }

    @Test
    void addingTheHundredAndFirstClientIdIsRefused() {
        String arn = givenOidcProvider("https://a.example.com",
                IntStream.range(0, 100).mapToObj(i -> "client-" + i).toList()).arn().toString();

        assertIamError(ErrorCode.LIMIT_EXCEEDED, () -> service.addClientId(ACCOUNT, arn, "client-100"));
    }

    @Test
    void addingAndRemovingClientIdsIsIdempotent() {
        String arn = givenOidcProvider("https://a.example.com", List.of("web")).arn().toString();

        service.addClientId(ACCOUNT, arn, "mobile");
        service.addClientId(ACCOUNT, arn, "mobile");
        service.removeClientId(ACCOUNT, arn, "web");
        service.removeClientId(ACCOUNT, arn, "web");

        assertEquals(List.of("mobile"), service.openIdConnectProvider(ACCOUNT, arn).clientIds());
    }

    @Test
    void updatingThumbprintsReplacesTheList() {
        String arn = givenOidcProvider("https://a.example.com", List.of()).arn().toString();
        String next = "a".repeat(40);

        service.updateThumbprints(ACCOUNT, arn, List.of(next));

        assertEquals(List.of(next), service.openIdConnectProvider(ACCOUNT, arn).thumbprints());
    }

    @Test
    void refusesTheHundredAndFirstOidcProvider() {
        IntStream.range(0, Quotas.OIDC_PROVIDERS_PER_ACCOUNT)
                .forEach(i -> givenOidcProvider("https://idp" + i + ".example.com", List.of()));

        assertIamError(ErrorCode.LIMIT_EXCEEDED, () -> givenOidcProvider("https://more.example.com", List.of()));
    }

    @Test
    void aMissingOidcProviderIsNoSuchEntity() {
        var error = assertIamError(ErrorCode.NO_SUCH_ENTITY, () -> service.deleteOpenIdConnectProvider(ACCOUNT,
                "arn:aws:iam::123456789012:oidc-provider/gone.example.com"));

        assertEquals("OpenIDConnect Provider not found for arn arn:aws:iam::123456789012:oidc-provider/gone.example.com",
                error.getMessage());
    }

    @Test
    void refusesTextThatIsNotAProviderArn() {
        assertIamError(ErrorCode.INVALID_INPUT,
                () -> service.openIdConnectProvider(ACCOUNT, "arn:aws:iam::123456789012:role/admin"));
    }
}
