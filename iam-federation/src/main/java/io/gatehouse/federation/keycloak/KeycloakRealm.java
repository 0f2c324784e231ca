package io.gatehouse.federation.keycloak;

import io.gatehouse.core.federation.ProviderUrl;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A Keycloak realm to connect and how to reach its admin API.
 *
 * @param serverUrl  Keycloak's base URL, e.g. {@code https://sso.example.com} (no {@code /realms/...});
 *                   {@code http://} only on loopback, as for every {@link ProviderUrl}
 * @param realm      the realm whose users sign in to Gatehouse
 * @param adminRealm the realm the admin credentials belong to: {@code master} for an administrator,
 *                   or {@code realm} itself for a realm-level service account
 * @param admin      the admin API credentials; redacted in {@code toString()}
 */
public record KeycloakRealm(URI serverUrl, String realm, String adminRealm, AdminCredentials admin) {

    public static final String MASTER = "master";
    /** Realm names travel in URL paths; this keeps them to what Keycloak's own console accepts there. */
    private static final Pattern REALM_NAME = Pattern.compile("[A-Za-z0-9._-]{1,255}");

    public KeycloakRealm {
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(admin, "admin");
        // The admin credentials travel to it: https, or http to this machine's loopback only.
        try {
            new ProviderUrl(serverUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The Keycloak server URL " + e.getMessage(), e);
        }
        requireRealmName(realm, "realm");
        requireRealmName(adminRealm, "adminRealm");
        String text = serverUrl.toString();
        serverUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    /** An administrator of the {@code master} realm, signing in through {@code admin-cli}. */
    public static KeycloakRealm administeredBy(URI serverUrl, String realm, String adminUser, String adminPassword) {
        return new KeycloakRealm(serverUrl, realm, MASTER, AdminCredentials.administrator(adminUser, adminPassword));
    }

    /** {@code <server>/realms/<realm>}: the realm's OIDC issuer and SAML entity ID as Keycloak names them. */
    public URI realmUrl() {
        return URI.create(serverUrl + "/realms/" + realm);
    }

    public URI samlDescriptorUrl() {
        return URI.create(realmUrl() + "/protocol/saml/descriptor");
    }

    public URI openIdConfigurationUrl() {
        return URI.create(realmUrl() + "/.well-known/openid-configuration");
    }

    private static void requireRealmName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (!REALM_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("The Keycloak " + what + " must be 1 to 255 letters, digits, '.', '_' or '-'");
        }
    }
}
