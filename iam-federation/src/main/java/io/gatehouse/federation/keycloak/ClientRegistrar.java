package io.gatehouse.federation.keycloak;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.ProtocolMappersResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import io.gatehouse.federation.saml.SamlRole;

import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creates or updates one client of a realm so that it ends as described, whatever was there:
 * the client is found by its clientId, and its mappers by name, so connecting again changes
 * the existing registration rather than adding a second one.
 */
final class ClientRegistrar {

    private final RealmResource realm;
    private final String realmName;

    ClientRegistrar(RealmResource realm, String realmName) {
        this.realm = realm;
        this.realmName = realmName;
    }

    /** The client's internal id, after creating or updating it and its mappers. */
    String register(ClientRepresentation desired, List<ProtocolMapperRepresentation> mappers) {
        String id = upsert(desired);
        ProtocolMappersResource resource = realm.clients().get(id).getProtocolMappers();
        Map<String, String> existing = new HashMap<>();
        for (ProtocolMapperRepresentation mapper : resource.getMappers()) {
            existing.put(mapper.getName(), mapper.getId());
        }
        for (ProtocolMapperRepresentation mapper : mappers) {
            String mapperId = existing.get(mapper.getName());
            if (mapperId == null) {
                try (Response created = resource.createMapper(mapper)) {
                    requireCreated(created, "protocol mapper " + mapper.getName());
                }
            } else {
                mapper.setId(mapperId);
                resource.update(mapperId, mapper);
            }
        }
        return id;
    }

    /** Drops default client scopes by name, e.g. one whose mappers would duplicate ours. */
    void removeDefaultScopes(String id, Set<String> scopeNames) {
        ClientResource client = realm.clients().get(id);
        client.getDefaultClientScopes().stream()
                .filter(scope -> scopeNames.contains(scope.getName()))
                .forEach(scope -> client.removeDefaultClientScope(scope.getId()));
    }

    /**
     * Puts every realm role named as an AWS role pair ({@code <role-arn>,<provider-arn>}) in the
     * client's scope, so that they, and only they, reach the Role attribute.
     */
    List<String> scopeAwsRoles(String id) {
        List<RoleRepresentation> awsRoles = realm.roles().list().stream()
                .filter(role -> isAwsRolePair(role.getName()))
                .toList();
        ClientResource client = realm.clients().get(id);
        Set<String> scoped = client.getScopeMappings().realmLevel().listAll().stream()
                .map(RoleRepresentation::getName).collect(Collectors.toSet());
        List<RoleRepresentation> missing = awsRoles.stream().filter(role -> !scoped.contains(role.getName())).toList();
        if (!missing.isEmpty()) {
            client.getScopeMappings().realmLevel().add(missing);
        }
        return awsRoles.stream().map(RoleRepresentation::getName).toList();
    }

    private static boolean isAwsRolePair(String name) {
        try {
            SamlRole.parse(name);
            return true;
        } catch (IamException | IllegalArgumentException e) {
            return false;
        }
    }

    private String upsert(ClientRepresentation desired) {
        List<ClientRepresentation> found = realm.clients().findByClientId(desired.getClientId());
        if (found.isEmpty()) {
            try (Response created = realm.clients().create(desired)) {
                return requireCreated(created, "client " + desired.getClientId());
            }
        }
        ClientRepresentation current = found.get(0);
        if (!desired.getProtocol().equals(current.getProtocol())) {
            throw new IamException(ErrorCode.IDP_COMMUNICATION_ERROR, "Realm " + realmName + " already has a client "
                    + desired.getClientId() + " of protocol " + current.getProtocol() + ", not " + desired.getProtocol()
                    + "; choose another client id or remove that client.");
        }
        desired.setId(current.getId());
        realm.clients().get(current.getId()).update(desired);
        return current.getId();
    }

    private String requireCreated(Response response, String what) {
        if (response.getStatus() != Response.Status.CREATED.getStatusCode()) {
            throw new IamException(ErrorCode.IDP_COMMUNICATION_ERROR, "Keycloak refused to create the " + what
                    + " in realm " + realmName + " (HTTP " + response.getStatus() + ").");
        }
        return CreatedResponseUtil.getCreatedId(response);
    }
}
