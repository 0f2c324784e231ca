package io.gatehouse.federation.keycloak;


import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gatehouse as an OpenID Connect client of the realm: authorization code flow only, PKCE S256
 * required, exact redirect URIs, a {@code groups} claim (full paths) and Gatehouse's client id
 * as an audience of access tokens too, so either token satisfies AssumeRoleWithWebIdentity.
 */
final class OidcClientRegistration {

    static final String PROTOCOL = "openid-connect";
    static final String GROUPS_CLAIM = "groups";

    private OidcClientRegistration() {
    }

    static Map<String, Object> client(GatehouseServiceProvider sp) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", sp.oidcClientId());
        client.put("name", "Gatehouse");
        client.put("protocol", PROTOCOL);
        client.put("enabled", true);
        boolean confidential = sp.oidcClientType() == OidcClientType.CONFIDENTIAL;
        client.put("publicClient", !confidential);
        if (confidential) {
            client.put("clientAuthenticatorType", "client-secret");
        }
        client.put("standardFlowEnabled", true);
        client.put("implicitFlowEnabled", false);
        client.put("directAccessGrantsEnabled", false);
        client.put("serviceAccountsEnabled", false);
        client.put("redirectUris", sp.oidcRedirectUris().stream().map(URI::toString).toList());
        client.put("webOrigins", List.of());
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("pkce.code.challenge.method", "S256");
        client.put("attributes", attributes);
        return client;
    }

    static List<Map<String, Object>> mappers(GatehouseServiceProvider sp) {
        return List.of(
                mapper("Gatehouse groups", "oidc-group-membership-mapper", Map.of(
                        "claim.name", GROUPS_CLAIM,
                        "full.path", "true",
                        "id.token.claim", "true",
                        "access.token.claim", "true",
                        "userinfo.token.claim", "true",
                        "introspection.token.claim", "true")),
                mapper("Gatehouse audience", "oidc-audience-mapper", Map.of(
                        "included.client.audience", sp.oidcClientId(),
                        "id.token.claim", "false",
                        "access.token.claim", "true",
                        "introspection.token.claim", "true")));
    }

    private static Map<String, Object> mapper(String name, String type, Map<String, String> config) {
        Map<String, Object> mapper = new LinkedHashMap<>();
        mapper.put("name", name);
        mapper.put("protocol", PROTOCOL);
        mapper.put("protocolMapper", type);
        mapper.put("config", new LinkedHashMap<>(config));
        return mapper;
    }
}
