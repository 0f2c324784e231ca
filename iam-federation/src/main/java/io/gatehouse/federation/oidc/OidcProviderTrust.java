package io.gatehouse.federation.oidc;

import io.gatehouse.core.federation.ProviderUrl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenID Connect provider registered in an account ({@code CreateOpenIDConnectProvider}): the
 * issuer it speaks for and the client ids (audiences) its tokens may be issued to.
 */
public record OidcProviderTrust(ProviderUrl issuer, List<String> clientIds) {

    /** AWS's limits on {@code ClientIDList}: up to 100 ids of 1 to 255 characters. */
    static final int MAX_CLIENT_IDS = 100;
    static final int MAX_CLIENT_ID_LENGTH = 255;

    public OidcProviderTrust {
        Objects.requireNonNull(issuer, "issuer");
        clientIds = List.copyOf(clientIds);
        if (clientIds.size() > MAX_CLIENT_IDS) {
            throw new IllegalArgumentException("at most " + MAX_CLIENT_IDS + " client ids");
        }
        for (String clientId : clientIds) {
            if (clientId.isBlank() || clientId.length() > MAX_CLIENT_ID_LENGTH) {
                throw new IllegalArgumentException("a client id has 1 to " + MAX_CLIENT_ID_LENGTH + " characters");
            }
        }
    }

    public static OidcProviderTrust of(String issuerUrl, String... clientIds) {
        return new OidcProviderTrust(ProviderUrl.parse("Url", issuerUrl), List.of(clientIds));
    }

    /** The issuer in the form tokens are matched on: scheme and host in lower case, no trailing slash. */
    public String issuerKey() {
        return key(issuer);
    }

    /** Whether {@code audience} is one of the provider's client ids (exact, as AWS compares them). */
    public boolean hasClientId(String audience) {
        return clientIds.contains(audience);
    }

    /**
     * The matching form of a token's {@code iss} claim, or empty when the claim is not an issuer
     * any provider could be registered for (not a URL, or not https:// outside loopback).
     */
    public static Optional<String> issuerKey(String issuerClaim) {
        try {
            return Optional.of(key(new ProviderUrl(new URI(issuerClaim))));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String key(ProviderUrl url) {
        return url.uri().getScheme().toLowerCase(Locale.ROOT) + "://" + url.withoutScheme();
    }
}
