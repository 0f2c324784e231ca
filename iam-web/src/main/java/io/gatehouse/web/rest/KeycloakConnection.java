package io.gatehouse.web.rest;

import io.gatehouse.core.error.IamException;
import io.gatehouse.core.federation.ProviderUrl;
import io.gatehouse.federation.keycloak.AdminCredentials;
import io.gatehouse.federation.keycloak.KeycloakRealm;
import io.gatehouse.federation.keycloak.Protocol;
import jakarta.json.JsonObject;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The realm a caller names in a {@code /api/v1/keycloak-realms} body and the admin credentials to
 * reach it: {@code adminUser}/{@code adminPassword} of the master realm, or a service account's
 * {@code clientId}/{@code clientSecret} (of {@code adminRealm}, by default the realm itself).
 * Credentials travel only in bodies, never in URLs, and are neither logged nor stored.
 */
record KeycloakConnection(KeycloakRealm realm, String providerName) {

    static KeycloakConnection read(JsonObject body) {
        ProviderUrl server = ProviderUrl.parse("serverUrl", JsonBodies.required(body, "serverUrl"));
        String realmName = JsonBodies.required(body, "realm");
        Optional<String> user = JsonBodies.optional(body, "adminUser");
        Optional<String> clientId = JsonBodies.optional(body, "clientId");
        if (user.isPresent() == clientId.isPresent()) {
            throw IamException.validation("Give either adminUser and adminPassword, or clientId and clientSecret");
        }
        try {
            KeycloakRealm realm = user.isPresent()
                    ? KeycloakRealm.administeredBy(server.uri(), realmName, user.get(),
                    JsonBodies.required(body, "adminPassword"))
                    : new KeycloakRealm(server.uri(), realmName,
                    JsonBodies.optional(body, "adminRealm").orElse(realmName),
                    AdminCredentials.serviceAccount(clientId.get(), JsonBodies.required(body, "clientSecret")));
            return new KeycloakConnection(realm, JsonBodies.optional(body, "providerName").orElse(realmName));
        } catch (IllegalArgumentException e) {
            // The records' messages name the field and never echo a credential.
            throw IamException.validation(e.getMessage());
        }
    }

    /** The {@code protocols} field: "saml" and/or "oidc"; both when absent. */
    static Set<Protocol> protocols(JsonObject body) {
        if (!body.containsKey("protocols")) {
            return EnumSet.allOf(Protocol.class);
        }
        Set<Protocol> protocols = EnumSet.noneOf(Protocol.class);
        for (String name : JsonBodies.strings(body.get("protocols"), "protocols")) {
            try {
                protocols.add(Protocol.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw IamException.validation("protocols may name only \"saml\" and \"oidc\", not \"" + name + "\"");
            }
        }
        if (protocols.isEmpty()) {
            throw IamException.validation("protocols must name \"saml\", \"oidc\" or both");
        }
        return protocols;
    }
}
