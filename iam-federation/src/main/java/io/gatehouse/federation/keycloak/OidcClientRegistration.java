package io.gatehouse.federation.keycloak;

import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

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

    static ClientRepresentation client(GatehouseServiceProvider sp) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(sp.oidcClientId());
        client.setName("Gatehouse");
        client.setProtocol(PROTOCOL);
        client.setEnabled(true);
        boolean confidential = sp.oidcClientType() == OidcClientType.CONFIDENTIAL;
        client.setPublicClient(!confidential);
        if (confidential) {
            client.setClientAuthenticatorType("client-secret");
        }
        client.setStandardFlowEnabled(true);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setServiceAccountsEnabled(false);
        client.setRedirectUris(sp.oidcRedirectUris().stream().map(URI::toString).toList());
        client.setWebOrigins(List.of());
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("pkce.code.challenge.method", "S256");
        client.setAttributes(attributes);
        return client;
    }

    static List<ProtocolMapperRepresentation> mappers(GatehouseServiceProvider sp) {
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

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> config) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol(PROTOCOL);
        mapper.setProtocolMapper(type);
        mapper.setConfig(new LinkedHashMap<>(config));
        return mapper;
    }
}
