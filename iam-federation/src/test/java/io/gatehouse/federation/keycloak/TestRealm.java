package io.gatehouse.federation.keycloak;

import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A realm made for one test class on the {@link RealKeycloak} server, as a company's realm looks
 * when it federates to AWS: alice (in /engineering/dev) holds the realm role named as an AWS role
 * pair, and an ordinary role beside it; bob is in /finance only.
 */
final class TestRealm {

    static final String ALICE = "alice";
    static final String ALICE_PASSWORD = "alice-Passw0rd!";
    static final String DEV_ROLE = "arn:aws:iam::123456789012:role/Dev";
    static final String PROVIDER = "arn:aws:iam::123456789012:saml-provider/keycloak";
    static final String DEV_ROLE_PAIR = DEV_ROLE + "," + PROVIDER;
    static final String ORDINARY_ROLE = "auditor";
    static final String BOB = "bob";
    static final String BOB_PASSWORD = "bob-Passw0rd!";

    final String name;

    private TestRealm(String name) {
        this.name = name;
    }

    /** A fresh realm, named uniquely so test classes never see each other's clients. */
    static TestRealm create(String prefix) {
        TestRealm realm = new TestRealm(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        try (Keycloak admin = admin()) {
            RealmRepresentation representation = new RealmRepresentation();
            representation.setRealm(realm.name);
            representation.setEnabled(true);
            admin.realms().create(representation);
            RealmResource resource = admin.realm(realm.name);
            resource.roles().create(role(DEV_ROLE_PAIR));
            resource.roles().create(role(ORDINARY_ROLE));
            String engineering = group(resource, null, "engineering");
            String dev = group(resource, engineering, "dev");
            String finance = group(resource, null, "finance");
            String alice = user(resource, ALICE, ALICE_PASSWORD, "Alice", "Liddell");
            resource.users().get(alice).joinGroup(dev);
            resource.users().get(alice).roles().realmLevel().add(List.of(
                    resource.roles().get(DEV_ROLE_PAIR).toRepresentation(),
                    resource.roles().get(ORDINARY_ROLE).toRepresentation()));
            String bob = user(resource, BOB, BOB_PASSWORD, "Bob", "Builder");
            resource.users().get(bob).joinGroup(finance);
        }
        return realm;
    }

    KeycloakRealm connection() {
        return RealKeycloak.realm(name);
    }

    URI url() {
        return URI.create(RealKeycloak.serverUrl() + "/realms/" + name);
    }

    /** Keycloak's admin API as the bootstrap administrator, for setting up and inspecting realms. */
    static Keycloak admin() {
        return KeycloakBuilder.builder().serverUrl(RealKeycloak.serverUrl().toString()).realm("master")
                .clientId("admin-cli").username(RealKeycloak.ADMIN_USER).password(RealKeycloak.ADMIN_PASSWORD)
                .grantType("password").build();
    }

    /** Gatehouse as tests register it: AWS's entity ID, a loopback ACS and redirect URI nobody serves. */
    static GatehouseServiceProvider gatehouse(OidcClientType type) {
        return new GatehouseServiceProvider(GatehouseServiceProvider.AWS_ENTITY_ID,
                URI.create("http://127.0.0.1:9/saml/acs"), Optional.of("gatehouse"), "gatehouse-console",
                List.of(URI.create("http://127.0.0.1:9/oidc/callback")), type);
    }

    static Set<Protocol> both() {
        return Set.of(Protocol.SAML, Protocol.OIDC);
    }

    private static RoleRepresentation role(String name) {
        RoleRepresentation role = new RoleRepresentation();
        role.setName(name);
        return role;
    }

    private static String group(RealmResource realm, String parentId, String name) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName(name);
        try (Response created = parentId == null ? realm.groups().add(group)
                : realm.groups().group(parentId).subGroup(group)) {
            return CreatedResponseUtil.getCreatedId(created);
        }
    }

    private static String user(RealmResource realm, String username, String password, String first, String last) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setFirstName(first);
        user.setLastName(last);
        user.setEmail(username + "@example.com");
        user.setEmailVerified(true);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        try (Response created = realm.users().create(user)) {
            return CreatedResponseUtil.getCreatedId(created);
        }
    }
}
