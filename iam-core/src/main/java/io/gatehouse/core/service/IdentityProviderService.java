package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.federation.ProviderUrl;
import io.gatehouse.core.federation.SamlMetadataReader;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.OpenIdConnectProvider;
import io.gatehouse.core.identity.SamlProvider;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.port.OpenIdConnectProviderRepository;
import io.gatehouse.core.port.RoleMappingRepository;
import io.gatehouse.core.port.SamlProviderRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IAM identity providers: SAML providers (Create/Get/Update/Delete/ListSAMLProviders and their
 * tags) and OpenID Connect providers (Create/Get/Delete/ListOpenIDConnectProviders, client ids,
 * thumbprints and tags). Every parameter rule and quota of these actions is here.
 */
public final class IdentityProviderService {

    /**
     * A metadata document without {@code validUntil} does not expire; AWS then reports a
     * ValidUntil far in the future. Gatehouse reports the upload time plus 100 years.
     */
    static final int YEARS_VALID_WITHOUT_EXPIRY = 100;

    private static final Pattern PROVIDER_ARN =
            Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):(saml-provider|oidc-provider)/(.+)");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{40}");

    private final SamlProviderRepository samlProviders;
    private final OpenIdConnectProviderRepository oidcProviders;
    private final SamlMetadataReader metadataReader;
    private final RoleMappingRepository roleMappings;
    private final Clock clock;

    /** @param roleMappings the providers' role-mapping rules, which go with a deleted provider */
    public IdentityProviderService(SamlProviderRepository samlProviders, OpenIdConnectProviderRepository oidcProviders,
                                   SamlMetadataReader metadataReader, RoleMappingRepository roleMappings, Clock clock) {
        this.samlProviders = samlProviders;
        this.oidcProviders = oidcProviders;
        this.metadataReader = metadataReader;
        this.roleMappings = roleMappings;
        this.clock = clock;
    }

    /** What CreateOpenIDConnectProvider asks for; the thumbprint list may be empty, as AWS now allows. */
    public record NewOpenIdConnectProvider(String url, List<String> clientIds, List<String> thumbprints,
                                           List<Tag> tags) {
        public NewOpenIdConnectProvider {
            clientIds = List.copyOf(clientIds);
            thumbprints = List.copyOf(thumbprints);
            tags = List.copyOf(tags);
        }
    }

    // --- SAML providers ---

    public SamlProvider createSamlProvider(AccountId account, String name, String metadataDocument, List<Tag> tags) {
        Constraint.SAML_PROVIDER_NAME.check("Name", name);
        List<Tag> checkedTags = TagSet.validated(tags);
        Instant validUntil = validUntil(metadataDocument);
        if (samlProviders.findByName(account, name).isPresent()) {
            throw IamException.alreadyExists("SAMLProvider with name " + name + " already exists.");
        }
        if (samlProviders.count(account) >= Quotas.SAML_PROVIDERS_PER_ACCOUNT) {
            throw IamException.limitExceeded("Cannot exceed quota for SamlProvidersPerAccount: "
                    + Quotas.SAML_PROVIDERS_PER_ACCOUNT);
        }
        SamlProvider provider = new SamlProvider(account, name, UUID.randomUUID().toString(), metadataDocument,
                clock.instant(), validUntil, checkedTags);
        samlProviders.create(provider);
        return provider;
    }

    public SamlProvider samlProvider(AccountId account, String arn) {
        String name = providerId(account, "SAMLProviderArn", arn, SamlProvider.RESOURCE_TYPE)
                .orElseThrow(() -> noSuchSamlProvider(arn));
        return samlProviders.findByName(account, name).orElseThrow(() -> noSuchSamlProvider(arn));
    }

    public List<SamlProvider> samlProviders(AccountId account) {
        return samlProviders.list(account);
    }

    /** Replaces the metadata document; ValidUntil follows the new document. */
    public SamlProvider updateSamlProvider(AccountId account, String arn, String metadataDocument) {
        Instant validUntil = validUntil(metadataDocument);
        SamlProvider updated = samlProvider(account, arn).withMetadata(metadataDocument, validUntil);
        samlProviders.update(updated);
        return updated;
    }

    public void deleteSamlProvider(AccountId account, String arn) {
        SamlProvider provider = samlProvider(account, arn);
        samlProviders.delete(provider);
        roleMappings.delete(provider.arn());
    }

    public void tagSamlProvider(AccountId account, String arn, List<Tag> tags) {
        SamlProvider provider = samlProvider(account, arn);
        samlProviders.update(provider.withTags(TagSet.merge(provider.tags(), tags)));
    }

    public void untagSamlProvider(AccountId account, String arn, Collection<String> keys) {
        SamlProvider provider = samlProvider(account, arn);
        samlProviders.update(provider.withTags(TagSet.remove(provider.tags(), keys)));
    }

    /** The document is read (and refused when invalid) before anything is stored. */
    private Instant validUntil(String metadataDocument) {
        Constraint.SAML_METADATA_DOCUMENT.checkSecret("SAMLMetadataDocument", metadataDocument);
        return metadataReader.read(metadataDocument).validUntil().orElseGet(() ->
                clock.instant().atZone(ZoneOffset.UTC).plusYears(YEARS_VALID_WITHOUT_EXPIRY).toInstant());
    }

    // --- OpenID Connect providers ---

    public OpenIdConnectProvider createOpenIdConnectProvider(AccountId account, NewOpenIdConnectProvider request) {
        ProviderUrl url = url(request.url());
        List<String> clientIds = clientIds(request.clientIds());
        List<String> thumbprints = thumbprints(request.thumbprints());
        List<Tag> tags = TagSet.validated(request.tags());
        if (oidcProviders.find(account, url.withoutScheme()).isPresent()) {
            throw alreadyExists(url);
        }
        if (oidcProviders.count(account) >= Quotas.OIDC_PROVIDERS_PER_ACCOUNT) {
            throw IamException.limitExceeded("Cannot exceed quota for OpenIdConnectProvidersPerAccount: "
                    + Quotas.OIDC_PROVIDERS_PER_ACCOUNT);
        }
        OpenIdConnectProvider provider = new OpenIdConnectProvider(account, url, clientIds, thumbprints,
                clock.instant(), tags);
        oidcProviders.create(provider);
        return provider;
    }

    public OpenIdConnectProvider openIdConnectProvider(AccountId account, String arn) {
        String key = providerId(account, "OpenIDConnectProviderArn", arn, OpenIdConnectProvider.RESOURCE_TYPE)
                .orElseThrow(() -> noSuchOidcProvider(arn));
        return oidcProviders.find(account, key).orElseThrow(() -> noSuchOidcProvider(arn));
    }

    public List<OpenIdConnectProvider> openIdConnectProviders(AccountId account) {
        return oidcProviders.list(account);
    }

    /** Idempotent (AWS): adding a client id the provider has already changes nothing. */
    public void addClientId(AccountId account, String arn, String clientId) {
        Constraint.CLIENT_ID.check("ClientID", clientId);
        OpenIdConnectProvider provider = openIdConnectProvider(account, arn);
        if (provider.clientIds().contains(clientId)) {
            return;
        }
        List<String> ids = new ArrayList<>(provider.clientIds());
        ids.add(clientId);
        oidcProviders.update(provider.withClientIds(clientIds(ids)));
    }

    /** Idempotent (AWS): removing a client id the provider does not have changes nothing. */
    public void removeClientId(AccountId account, String arn, String clientId) {
        Constraint.CLIENT_ID.check("ClientID", clientId);
        OpenIdConnectProvider provider = openIdConnectProvider(account, arn);
        if (provider.clientIds().contains(clientId)) {
            oidcProviders.update(provider.withClientIds(
                    provider.clientIds().stream().filter(id -> !id.equals(clientId)).toList()));
        }
    }

    /** The new list replaces the old one whole (AWS does not merge them). */
    public void updateThumbprints(AccountId account, String arn, List<String> thumbprints) {
        List<String> checked = thumbprints(thumbprints);
        OpenIdConnectProvider provider = openIdConnectProvider(account, arn);
        oidcProviders.update(provider.withThumbprints(checked));
    }

    public void deleteOpenIdConnectProvider(AccountId account, String arn) {
        OpenIdConnectProvider provider = openIdConnectProvider(account, arn);
        oidcProviders.delete(provider);
        roleMappings.delete(provider.arn());
    }

    public void tagOpenIdConnectProvider(AccountId account, String arn, List<Tag> tags) {
        OpenIdConnectProvider provider = openIdConnectProvider(account, arn);
        oidcProviders.update(provider.withTags(TagSet.merge(provider.tags(), tags)));
    }

    public void untagOpenIdConnectProvider(AccountId account, String arn, Collection<String> keys) {
        OpenIdConnectProvider provider = openIdConnectProvider(account, arn);
        oidcProviders.update(provider.withTags(TagSet.remove(provider.tags(), keys)));
    }

    /** The URL of a new OIDC provider: AWS's length, then Gatehouse's one rule for provider addresses. */
    public static ProviderUrl url(String text) {
        Constraint.OIDC_PROVIDER_URL.check("Url", text);
        return ProviderUrl.parse("Url", text);
    }

    private static List<String> clientIds(List<String> requested) {
        requested.forEach(id -> Constraint.CLIENT_ID.check("ClientIDList.member", id));
        List<String> distinct = List.copyOf(new LinkedHashSet<>(requested));
        if (distinct.size() > Quotas.CLIENT_IDS_PER_OIDC_PROVIDER) {
            throw IamException.limitExceeded("Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: "
                    + Quotas.CLIENT_IDS_PER_OIDC_PROVIDER);
        }
        return distinct;
    }

    private static List<String> thumbprints(List<String> requested) {
        for (String thumbprint : requested) {
            Constraint.THUMBPRINT.check("ThumbprintList.member", thumbprint);
            if (!HEX.matcher(thumbprint).matches()) {
                throw new IamException(ErrorCode.INVALID_INPUT, "Thumbprint " + thumbprint
                        + " is not valid: a thumbprint is the hex-encoded SHA-1 of a certificate, 40 hex digits.");
            }
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(requested));
        if (distinct.size() > Quotas.THUMBPRINTS_PER_OIDC_PROVIDER) {
            throw new IamException(ErrorCode.INVALID_INPUT, "Thumbprint list must contain at most "
                    + Quotas.THUMBPRINTS_PER_OIDC_PROVIDER + " thumbprints, got " + distinct.size() + ".");
        }
        return distinct;
    }

    /**
     * The ARN a caller names, as the authorizer sees it.
     *
     * @throws IamException InvalidInput when the text is not an identity provider's ARN
     */
    public static Arn providerArn(String parameter, String text) {
        Constraint.ARN.check(parameter, text);
        if (!PROVIDER_ARN.matcher(text).matches()) {
            throw notValid(text);
        }
        return Arn.parse(text);
    }

    /** The name or URL key in {@code arn}, when it names a provider of {@code type} in {@code account}. */
    private static Optional<String> providerId(AccountId account, String parameter, String arn, String type) {
        providerArn(parameter, arn);
        Matcher matcher = PROVIDER_ARN.matcher(arn);
        matcher.matches();
        if (!matcher.group(2).equals(type)) {
            throw notValid(arn);
        }
        return matcher.group(1).equals(account.value()) ? Optional.of(matcher.group(3)) : Optional.empty();
    }

    private static IamException notValid(String arn) {
        return new IamException(ErrorCode.INVALID_INPUT, "ARN " + arn + " is not valid.");
    }

    // AWS's wording for a missing provider.
    private static IamException noSuchSamlProvider(String arn) {
        return IamException.noSuchEntity("Manifest not found for arn " + arn);
    }

    private static IamException noSuchOidcProvider(String arn) {
        return IamException.noSuchEntity("OpenIDConnect Provider not found for arn " + arn);
    }

    private static IamException alreadyExists(ProviderUrl url) {
        return IamException.alreadyExists("Provider with url " + url + " already exists.");
    }
}
