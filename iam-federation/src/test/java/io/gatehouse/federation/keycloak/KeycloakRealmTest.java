package io.gatehouse.federation.keycloak;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connection details of a realm, and what happens when Keycloak is not there. */
class KeycloakRealmTest {

    @Test
    void neverShowsTheAdminPassword() {
        KeycloakRealm realm = KeycloakRealm.administeredBy(URI.create("https://sso.example.com/"), "acme", "admin",
                "s3cret-Admin-pw");
        assertFalse(realm.toString().contains("s3cret-Admin-pw"), realm.toString());
    }

    @Test
    void neverShowsTheServiceAccountSecret() {
        KeycloakRealm realm = new KeycloakRealm(URI.create("https://sso.example.com"), "acme", "acme",
                AdminCredentials.serviceAccount("gatehouse-admin", "client-s3cret"));
        assertFalse(realm.toString().contains("client-s3cret"), realm.toString());
    }

    @Test
    void namesTheRealmsEndpointsUnderTheServerUrl() {
        KeycloakRealm realm = KeycloakRealm.administeredBy(URI.create("https://sso.example.com/"), "acme", "a", "p");
        assertEquals(URI.create("https://sso.example.com/realms/acme/protocol/saml/descriptor"), realm.samlDescriptorUrl());
    }

    @Test
    void refusesARealmNameThatWouldChangeThePath() {
        assertThrows(IllegalArgumentException.class, () ->
                KeycloakRealm.administeredBy(URI.create("https://sso.example.com"), "../master", "a", "p"));
    }

    @Test
    void refusesPlainHttpToAServerOtherThanLoopback() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () ->
                KeycloakRealm.administeredBy(URI.create("http://sso.example.com"), "acme", "a", "p"));
        assertTrue(refused.getMessage().contains("https://"), refused.getMessage());
    }

    @Test
    void refusesWildcardRedirectUris() {
        assertThrows(IllegalArgumentException.class, () -> new GatehouseServiceProvider(
                GatehouseServiceProvider.AWS_ENTITY_ID, URI.create("https://gatehouse.example.com/saml"), Optional.empty(),
                "gatehouse", List.of(URI.create("https://gatehouse.example.com/*")), OidcClientType.PUBLIC));
    }

    @Test
    void unreachableKeycloakIsACommunicationErrorWithoutThePassword() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        KeycloakRealm realm = KeycloakRealm.administeredBy(URI.create("http://127.0.0.1:" + closedPort), "acme",
                "admin", "s3cret-Admin-pw");
        IamException failure = assertThrows(IamException.class, () -> new KeycloakRealmConnector().connect(realm,
                new GatehouseServiceProvider(GatehouseServiceProvider.AWS_ENTITY_ID,
                        URI.create("https://gatehouse.example.com/saml"), Optional.empty(), "gatehouse",
                        List.of(URI.create("https://gatehouse.example.com/callback")), OidcClientType.PUBLIC),
                Set.of(Protocol.SAML)));
        assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, failure.code());
        assertTrue(failure.getMessage().contains("could not be reached"), failure.getMessage());
        assertFalse(failure.getMessage().contains("s3cret-Admin-pw"));
    }
}
