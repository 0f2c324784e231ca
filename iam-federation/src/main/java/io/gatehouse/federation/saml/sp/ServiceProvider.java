package io.gatehouse.federation.saml.sp;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.federation.saml.SamlTrust;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Gatehouse as a SAML service provider, seen from one public base URL: its entity id and the
 * endpoints under {@code /signin/saml} that identity providers send browsers to.
 *
 * @param entityId the configured entity id, or by default the metadata URL
 * @param baseUrl  the public base URL ({@code https://iam.example.com}), without a trailing slash
 */
public record ServiceProvider(String entityId, String baseUrl) {

    public static final String PATH = "/signin/saml";

    public ServiceProvider {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (entityId.isBlank()) {
            throw new IllegalArgumentException("A service provider needs an entity id");
        }
        try {
            URI uri = new URI(baseUrl);
            if (!uri.isAbsolute() || uri.getHost() == null || baseUrl.endsWith("/") || uri.getQuery() != null) {
                throw new IllegalArgumentException("The public base URL must be absolute, with no trailing slash: "
                        + baseUrl);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The public base URL is not a URL: " + baseUrl, e);
        }
    }

    /** The service provider at {@code baseUrl} (a trailing slash is dropped), named by its metadata URL unless configured. */
    public static ServiceProvider at(String baseUrl, Optional<String> configuredEntityId) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return new ServiceProvider(configuredEntityId.filter(id -> !id.isBlank()).orElse(base + PATH + "/metadata"),
                base);
    }

    public String metadataUrl() {
        return baseUrl + PATH + "/metadata";
    }

    /** The assertion consumer service for responses whose Role attribute names their SAML provider. */
    public String assertionConsumerService() {
        return baseUrl + PATH + "/acs";
    }

    /** The assertion consumer service of one SAML provider of an account. */
    public String assertionConsumerService(AccountId account, String providerName) {
        return assertionConsumerService() + "/" + account.value() + "/" + providerName;
    }

    /** Where a browser starts an SP-initiated sign-in with one SAML provider of an account. */
    public String signInStart(AccountId account, String providerName) {
        return baseUrl + PATH + "/" + account.value() + "/" + providerName;
    }

    /**
     * The audiences and recipients a response posted to {@code consumerService} may name: that URL,
     * this entity id, and AWS's sign-in endpoint (an identity provider set up for AWS works unchanged).
     */
    public Set<String> endpoints(String consumerService) {
        Set<String> endpoints = new LinkedHashSet<>();
        endpoints.add(SamlTrust.AWS_SIGN_IN);
        endpoints.add(entityId);
        endpoints.add(consumerService);
        return Set.copyOf(endpoints);
    }
}
