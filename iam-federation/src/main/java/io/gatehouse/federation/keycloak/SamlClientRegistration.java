package io.gatehouse.federation.keycloak;

import io.gatehouse.federation.saml.AwsSamlAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gatehouse as a SAML client of the realm, configured as AWS expects an IdP to be: signed
 * documents and assertions (RSA-SHA256, exclusive C14N), a persistent NameID, POST binding,
 * and AWS's Role and RoleSessionName attributes.
 *
 * <p>Full scope is off: the Role attribute then carries only the roles in the client's scope
 * (the ARN-pair roles, see {@link KeycloakRealmConnector}), not {@code offline_access} and the
 * other default roles, which AWS would refuse as malformed Role values.
 */
final class SamlClientRegistration {

    static final String PROTOCOL = "saml";
    /** Keycloak's built-in scope emitting an unfiltered "Role" attribute beside AWS's. */
    static final String ROLE_LIST_SCOPE = "role_list";
    static final String GROUPS_ATTRIBUTE = "groups";

    private SamlClientRegistration() {
    }

    static Map<String, Object> client(GatehouseServiceProvider sp) {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", sp.samlEntityId());
        client.put("name", "Gatehouse");
        client.put("protocol", PROTOCOL);
        client.put("enabled", true);
        client.put("fullScopeAllowed", false);
        client.put("frontchannelLogout", true);
        client.put("redirectUris", List.of(sp.assertionConsumerUrl().toString()));
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("saml.server.signature", "true");
        attributes.put("saml.assertion.signature", "true");
        attributes.put("saml.signature.algorithm", "RSA_SHA256");
        attributes.put("saml_signature_canonicalization_method", "http://www.w3.org/2001/10/xml-exc-c14n#");
        attributes.put("saml.server.signature.keyinfo.ext", "false");
        attributes.put("saml.encrypt", "false");
        // Gatehouse's AuthnRequests are unsigned; the redirect URI list is what binds the ACS.
        attributes.put("saml.client.signature", "false");
        attributes.put("saml.force.post.binding", "true");
        attributes.put("saml.authnstatement", "true");
        attributes.put("saml_name_id_format", "persistent");
        attributes.put("saml.force.name.id.format", "true");
        attributes.put("saml_assertion_consumer_url_post", sp.assertionConsumerUrl().toString());
        attributes.put("saml_idp_initiated_sso_url_name", sp.idpInitiatedSignInName().orElse(""));
        client.put("attributes", attributes);
        return client;
    }

    static List<Map<String, Object>> mappers() {
        return List.of(
                mapper("AWS Role", "saml-role-list-mapper", Map.of(
                        "attribute.name", AwsSamlAttributes.ROLE,
                        "friendly.name", "Role",
                        "attribute.nameformat", "URI Reference",
                        // One Attribute, one AttributeValue per role, as AWS's examples have it.
                        "single", "true")),
                mapper("AWS RoleSessionName", "saml-user-property-mapper", Map.of(
                        "user.attribute", "username",
                        "attribute.name", AwsSamlAttributes.ROLE_SESSION_NAME,
                        "friendly.name", "RoleSessionName",
                        "attribute.nameformat", "URI Reference")),
                mapper("Gatehouse groups", "saml-group-membership-mapper", Map.of(
                        "attribute.name", GROUPS_ATTRIBUTE,
                        "attribute.nameformat", "Basic",
                        "full.path", "true",
                        "single", "true")));
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
