package io.gatehouse.web.rest;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.federation.keycloak.AdminCredentials;
import io.gatehouse.federation.keycloak.KeycloakRealm;
import io.gatehouse.federation.keycloak.Protocol;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KeycloakConnectionTest {

    private static final String SECRET = "s3cret-never-echoed";

    @Test
    void readsAnAdministratorOfTheMasterRealm() {
        KeycloakConnection connection = KeycloakConnection.read(body("""
                {"serverUrl":"https://sso.example.com/","realm":"corp","adminUser":"admin","adminPassword":"%s"}
                """.formatted(SECRET)));

        KeycloakRealm realm = connection.realm();
        assertEquals(URI.create("https://sso.example.com"), realm.serverUrl());
        assertEquals("corp", realm.realm());
        assertEquals(KeycloakRealm.MASTER, realm.adminRealm());
        assertEquals(new AdminCredentials.Administrator(AdminCredentials.ADMIN_CLI, "admin", SECRET), realm.admin());
    }

    @Test
    void readsAServiceAccountOfTheRealmItselfByDefault() {
        KeycloakRealm realm = KeycloakConnection.read(body("""
                {"serverUrl":"https://sso.example.com","realm":"corp","clientId":"gatehouse-admin","clientSecret":"%s"}
                """.formatted(SECRET))).realm();

        assertEquals("corp", realm.adminRealm());
        assertInstanceOf(AdminCredentials.ServiceAccount.class, realm.admin());
    }

    @Test
    void providerNameDefaultsToTheRealmsName() {
        assertEquals("corp", KeycloakConnection.read(body("""
                {"serverUrl":"https://sso.example.com","realm":"corp","adminUser":"admin","adminPassword":"x"}
                """)).providerName());
    }

    @Test
    void refusesBothKindsOfCredentialsAtOnce() {
        IamException refused = assertThrows(IamException.class, () -> KeycloakConnection.read(body("""
                {"serverUrl":"https://sso.example.com","realm":"corp","adminUser":"admin","adminPassword":"x",
                 "clientId":"c","clientSecret":"y"}
                """)));

        assertEquals(ErrorCode.VALIDATION_ERROR, refused.code());
    }

    @Test
    void refusesPlainHttpToAHostOtherThanLoopback() {
        IamException refused = assertThrows(IamException.class, () -> KeycloakConnection.read(body("""
                {"serverUrl":"http://sso.example.com","realm":"corp","adminUser":"admin","adminPassword":"x"}
                """)));

        assertEquals(ErrorCode.INVALID_INPUT, refused.code());
    }

    @Test
    void refusesAnInvalidRealmNameWithoutEchoingThePassword() {
        IamException refused = assertThrows(IamException.class, () -> KeycloakConnection.read(body("""
                {"serverUrl":"http://127.0.0.1:8080","realm":"a/b","adminUser":"admin","adminPassword":"%s"}
                """.formatted(SECRET))));

        assertEquals(ErrorCode.VALIDATION_ERROR, refused.code());
        assertFalse(refused.getMessage().contains(SECRET), refused.getMessage());
    }

    @Test
    void protocolsDefaultToSamlAndOidc() {
        assertEquals(Set.of(Protocol.SAML, Protocol.OIDC), KeycloakConnection.protocols(body("{}")));
    }

    @Test
    void protocolsAreReadCaseInsensitively() {
        assertEquals(Set.of(Protocol.OIDC), KeycloakConnection.protocols(body("{\"protocols\":[\"OIDC\"]}")));
    }

    @Test
    void refusesAnUnknownProtocol() {
        IamException refused = assertThrows(IamException.class,
                () -> KeycloakConnection.protocols(body("{\"protocols\":[\"ws-fed\"]}")));

        assertEquals(ErrorCode.VALIDATION_ERROR, refused.code());
    }

    @Test
    void refusesAnEmptyProtocolList() {
        assertThrows(IamException.class, () -> KeycloakConnection.protocols(body("{\"protocols\":[]}")));
    }

    private static JsonObject body(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
