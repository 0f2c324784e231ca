package io.gatehouse.federation.keycloak;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.federation.saml.SamlRole;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.gatehouse.federation.keycloak.KeycloakAdminApi.segment;

/**
 * Creates or updates one client of a realm so that it ends as described, whatever was there:
 * the client is found by its clientId, and its mappers by name, so connecting again changes
 * the existing registration rather than adding a second one.
 */
final class ClientRegistrar {

    /** Realms with more roles than this are refused rather than read without end. */
    static final int MAX_ROLES = 10_000;
    private static final int PAGE = 200;

    private final KeycloakAdminApi api;
    private final String realmName;

    ClientRegistrar(KeycloakAdminApi api, String realmName) {
        this.api = api;
        this.realmName = realmName;
    }

    /** The client's internal id, after creating or updating it and its mappers. */
    String register(Map<String, Object> desired, List<Map<String, Object>> mappers) {
        String id = upsert(desired);
        String models = "clients/" + segment(id) + "/protocol-mappers/models";
        Map<String, String> existing = new HashMap<>();
        for (Map<String, Object> mapper : api.list(models, Map.of())) {
            existing.put(text(mapper, "name"), text(mapper, "id"));
        }
        for (Map<String, Object> mapper : mappers) {
            String mapperId = existing.get(text(mapper, "name"));
            if (mapperId == null) {
                api.create(models, mapper);
            } else {
                Map<String, Object> update = new LinkedHashMap<>(mapper);
                update.put("id", mapperId);
                api.put(models + "/" + segment(mapperId), update);
            }
        }
        return id;
    }

    /** Drops default client scopes by name, e.g. one whose mappers would duplicate ours. */
    void removeDefaultScopes(String id, Set<String> scopeNames) {
        String scopes = "clients/" + segment(id) + "/default-client-scopes";
        for (Map<String, Object> scope : api.list(scopes, Map.of())) {
            if (scopeNames.contains(text(scope, "name"))) {
                api.delete(scopes + "/" + segment(text(scope, "id")));
            }
        }
    }

    /**
     * Puts every realm role named as an AWS role pair ({@code <role-arn>,<provider-arn>}) in the
     * client's scope, so that they, and only they, reach the Role attribute.
     */
    List<String> scopeAwsRoles(String id) {
        List<Map<String, Object>> awsRoles = realmRoles().stream()
                .filter(role -> isAwsRolePair(text(role, "name")))
                .toList();
        String mappings = "clients/" + segment(id) + "/scope-mappings/realm";
        Set<String> scoped = api.list(mappings, Map.of()).stream()
                .map(role -> text(role, "name")).collect(Collectors.toSet());
        List<Map<String, Object>> missing = awsRoles.stream()
                .filter(role -> !scoped.contains(text(role, "name")))
                .map(role -> Map.<String, Object>of("id", text(role, "id"), "name", text(role, "name")))
                .toList();
        if (!missing.isEmpty()) {
            api.post(mappings, missing);
        }
        return awsRoles.stream().map(role -> text(role, "name")).toList();
    }

    /** The confidential client's secret, which Keycloak generated when it created the client. */
    Optional<String> secret(String id) {
        Object value = api.object("clients/" + segment(id) + "/client-secret", Map.of()).get("value");
        return value instanceof String secret && !secret.isEmpty() ? Optional.of(secret) : Optional.empty();
    }

    private List<Map<String, Object>> realmRoles() {
        List<Map<String, Object>> roles = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            List<Map<String, Object>> page = api.list("roles", Map.of("first", String.valueOf(first),
                    "max", String.valueOf(PAGE), "briefRepresentation", "true"));
            roles.addAll(page);
            if (roles.size() > MAX_ROLES) {
                throw new IamException(ErrorCode.LIMIT_EXCEEDED, "Realm " + realmName + " has more than "
                        + MAX_ROLES + " roles.");
            }
            if (page.size() < PAGE) {
                return roles;
            }
        }
    }

    private static boolean isAwsRolePair(String name) {
        try {
            SamlRole.parse(name);
            return true;
        } catch (IamException | IllegalArgumentException e) {
            return false;
        }
    }

    private String upsert(Map<String, Object> desired) {
        String clientId = text(desired, "clientId");
        Optional<Map<String, Object>> found = api.list("clients", Map.of("clientId", clientId, "search", "false"))
                .stream().filter(client -> clientId.equals(client.get("clientId"))).findFirst();
        if (found.isEmpty()) {
            return api.create("clients", desired);
        }
        Map<String, Object> current = found.get();
        if (!desired.get("protocol").equals(current.get("protocol"))) {
            throw new IamException(ErrorCode.IDP_COMMUNICATION_ERROR, "Realm " + realmName + " already has a client "
                    + clientId + " of protocol " + current.get("protocol") + ", not " + desired.get("protocol")
                    + "; choose another client id or remove that client.");
        }
        String id = text(current, "id");
        Map<String, Object> update = new LinkedHashMap<>(desired);
        update.put("id", id);
        api.put("clients/" + segment(id), update);
        return id;
    }

    /** A string field Keycloak always sends (ids, names); its absence means a broken answer. */
    private String text(Map<String, Object> representation, String field) {
        if (representation.get(field) instanceof String value) {
            return value;
        }
        throw new IamException(ErrorCode.IDP_COMMUNICATION_ERROR, "Keycloak answered a representation without "
                + field + " in realm " + realmName + ".");
    }
}
