package io.gatehouse.federation.keycloak;

import io.gatehouse.federation.saml.SamlTrust;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Gatehouse as a realm's identity provider sees it: the SAML service provider (entity ID and
 * assertion consumer URL) and the OIDC client (client id, redirect URIs, and whether it holds a
 * secret).
 *
 * @param samlEntityId           the SP entity ID; Keycloak's SAML client id and the assertions' audience
 * @param assertionConsumerUrl   where Keycloak posts the SAMLResponse; also its Destination and Recipient
 * @param idpInitiatedSignInName if present, users may start sign-in at Keycloak
 *                               ({@code /realms/<realm>/protocol/saml/clients/<name>}), as at AWS's console
 * @param oidcRedirectUris       exact URIs only: Keycloak's wildcards would let a code be sent elsewhere
 */
public record GatehouseServiceProvider(String samlEntityId, URI assertionConsumerUrl,
                                       Optional<String> idpInitiatedSignInName, String oidcClientId,
                                       List<URI> oidcRedirectUris, OidcClientType oidcClientType) {

    /** AWS's own SP entity ID, which IdPs set up for AWS already use as the audience. */
    public static final String AWS_ENTITY_ID = SamlTrust.AWS_SIGN_IN;
    private static final Pattern URL_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_CLIENT_ID_LENGTH = 255;

    public GatehouseServiceProvider {
        requireClientId(samlEntityId, "SAML entity ID");
        requireHttpUrl(assertionConsumerUrl, "assertion consumer URL");
        Objects.requireNonNull(idpInitiatedSignInName, "idpInitiatedSignInName");
        idpInitiatedSignInName.ifPresent(name -> {
            if (!URL_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("The IdP-initiated sign-in name must be 1 to 64 letters, digits, '_' or '-'");
            }
        });
        requireClientId(oidcClientId, "OIDC client id");
        oidcRedirectUris = List.copyOf(oidcRedirectUris);
        if (oidcRedirectUris.isEmpty()) {
            throw new IllegalArgumentException("The OIDC client needs at least one redirect URI");
        }
        oidcRedirectUris.forEach(uri -> {
            requireHttpUrl(uri, "OIDC redirect URI");
            if (uri.toString().contains("*")) {
                throw new IllegalArgumentException("OIDC redirect URIs must be exact, without wildcards");
            }
        });
        Objects.requireNonNull(oidcClientType, "oidcClientType");
    }

    private static void requireClientId(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank() || value.length() > MAX_CLIENT_ID_LENGTH) {
            throw new IllegalArgumentException("The " + what + " must have 1 to " + MAX_CLIENT_ID_LENGTH + " characters");
        }
    }

    private static void requireHttpUrl(URI uri, String what) {
        Objects.requireNonNull(uri, what);
        String scheme = uri.getScheme();
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawFragment() != null
                || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
            throw new IllegalArgumentException("The " + what + " must be an absolute http(s) URL without a fragment");
        }
    }
}
