package io.gatehouse.federation.keycloak;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.KeysMetadataRepresentation.KeyMetadataRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Connect a Keycloak realm" against a real Keycloak: what it registers, and what it reads back. */
@RealKeycloakTest
class KeycloakRealmConnectorTest {

    private static TestRealm realm;
    private static ConnectedRealm connected;
    private static Keycloak admin;
    private final KeycloakRealmConnector connector = new KeycloakRealmConnector();

    @BeforeAll
    static void connect() {
        realm = TestRealm.create("connector");
        admin = TestRealm.admin();
        connected = new KeycloakRealmConnector().connect(realm.connection(),
                TestRealm.gatehouse(OidcClientType.CONFIDENTIAL), TestRealm.both());
    }

    @AfterAll
    static void closeAdmin() {
        admin.close();
    }

    @Test
    void registersGatehouseAsSamlClientSigningDocumentsAndAssertions() {
        ClientRepresentation saml = onlyClient(GatehouseServiceProvider.AWS_ENTITY_ID);
        assertEquals("saml", saml.getProtocol());
        assertEquals("true", saml.getAttributes().get("saml.server.signature"));
        assertEquals("true", saml.getAttributes().get("saml.assertion.signature"));
        assertEquals("http://127.0.0.1:9/saml/acs", saml.getAttributes().get("saml_assertion_consumer_url_post"));
        assertEquals("persistent", saml.getAttributes().get("saml_name_id_format"));
        assertFalse(saml.isFullScopeAllowed());
    }

    @Test
    void samlClientEmitsAwsRoleAndRoleSessionNameAttributes() {
        List<ProtocolMapperRepresentation> mappers = client(GatehouseServiceProvider.AWS_ENTITY_ID)
                .getProtocolMappers().getMappers();
        assertTrue(mappers.stream().anyMatch(mapper -> mapper.getProtocolMapper().equals("saml-role-list-mapper")
                && mapper.getConfig().get("attribute.name").equals("https://aws.amazon.com/SAML/Attributes/Role")));
        assertTrue(mappers.stream().anyMatch(mapper -> mapper.getProtocolMapper().equals("saml-user-property-mapper")
                && mapper.getConfig().get("attribute.name").equals("https://aws.amazon.com/SAML/Attributes/RoleSessionName")
                && mapper.getConfig().get("user.attribute").equals("username")));
    }

    @Test
    void scopesOnlyTheRolesNamedAsAwsRolePairs() {
        List<String> scoped = client(GatehouseServiceProvider.AWS_ENTITY_ID).getScopeMappings().realmLevel().listAll()
                .stream().map(RoleRepresentation::getName).toList();
        assertEquals(List.of(TestRealm.DEV_ROLE_PAIR), scoped);
    }

    @Test
    void registersGatehouseAsConfidentialOidcClientWithPkceAndGroupsClaim() {
        ClientRepresentation oidc = onlyClient("gatehouse-console");
        assertEquals("openid-connect", oidc.getProtocol());
        assertFalse(oidc.isPublicClient());
        assertTrue(oidc.isStandardFlowEnabled());
        assertFalse(oidc.isDirectAccessGrantsEnabled());
        assertEquals(List.of("http://127.0.0.1:9/oidc/callback"), oidc.getRedirectUris());
        assertEquals("S256", oidc.getAttributes().get("pkce.code.challenge.method"));
        assertTrue(client("gatehouse-console").getProtocolMappers().getMappers().stream()
                .anyMatch(mapper -> mapper.getProtocolMapper().equals("oidc-group-membership-mapper")
                        && mapper.getConfig().get("claim.name").equals("groups")));
    }

    @Test
    void returnsTheConfidentialClientsSecret() {
        assertEquals(client("gatehouse-console").getSecret().getValue(), connected.oidcClientSecret().orElseThrow());
    }

    @Test
    void connectingAgainUpdatesTheClientsInsteadOfAddingOthers() {
        ConnectedRealm again = connector.connect(realm.connection(), TestRealm.gatehouse(OidcClientType.CONFIDENTIAL),
                TestRealm.both());
        assertEquals(GatehouseServiceProvider.AWS_ENTITY_ID, onlyClient(GatehouseServiceProvider.AWS_ENTITY_ID).getClientId());
        assertEquals("gatehouse-console", onlyClient("gatehouse-console").getClientId());
        assertEquals(3, client(GatehouseServiceProvider.AWS_ENTITY_ID).getProtocolMappers().getMappers().size());
        assertEquals(connected.oidcClientSecret(), again.oidcClientSecret());
    }

    @Test
    void readsTheRealmsEntityIdAndIssuer() {
        assertEquals(realm.url().toString(), connected.samlEntityId());
        assertEquals(realm.url().toString(), connected.oidcIssuer());
        assertTrue(connected.samlMetadataXml().contains("IDPSSODescriptor"));
    }

    @Test
    void metadataCertificatesAreTheRealmsActiveSigningKeys() throws Exception {
        Set<X509Certificate> realmKeys;
        try (Keycloak admin = TestRealm.admin()) {
            List<KeyMetadataRepresentation> keys = admin.realm(realm.name).keys().getKeyMetadata().getKeys();
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            realmKeys = new java.util.HashSet<>();
            for (KeyMetadataRepresentation key : keys) {
                if ("SIG".equals(key.getUse().name()) && "RSA".equals(key.getType()) && key.getCertificate() != null
                        && "ACTIVE".equals(key.getStatus())) {
                    realmKeys.add((X509Certificate) factory.generateCertificate(
                            new ByteArrayInputStream(Base64.getDecoder().decode(key.getCertificate()))));
                }
            }
        }
        assertFalse(realmKeys.isEmpty());
        assertEquals(realmKeys, Set.copyOf(connected.samlSigningCertificates()));
    }

    @Test
    void listsTheRealmsGroupsWithTheirPaths() {
        List<String> paths = connector.groups(realm.connection()).stream().map(RealmGroup::path).sorted().toList();
        assertEquals(List.of("/engineering", "/engineering/dev", "/finance"), paths);
    }

    @Test
    void namesSubgroupsByTheirOwnName() {
        RealmGroup dev = connector.groups(realm.connection()).stream()
                .filter(group -> group.path().equals("/engineering/dev")).findFirst().orElseThrow();
        assertEquals("dev", dev.name());
    }

    @Test
    void refusedAdminPasswordIsACommunicationErrorThatDoesNotQuoteIt() {
        KeycloakRealm wrong = KeycloakRealm.administeredBy(RealKeycloak.serverUrl(), realm.name,
                RealKeycloak.ADMIN_USER, "not-the-Password-42");
        IamException refused = assertThrows(IamException.class, () -> connector.groups(wrong));
        assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, refused.code());
        assertTrue(refused.getMessage().contains("refused the admin credentials"), refused.getMessage());
        assertFalse(refused.getMessage().contains("not-the-Password-42"));
    }

    @Test
    void accountWithoutRightsToManageClientsIsACommunicationErrorSayingWhichRightsAreMissing() {
        KeycloakRealm asBob = new KeycloakRealm(RealKeycloak.serverUrl(), realm.name, realm.name,
                AdminCredentials.administrator(TestRealm.BOB, TestRealm.BOB_PASSWORD));
        IamException forbidden = assertThrows(IamException.class, () -> connector.connect(asBob,
                TestRealm.gatehouse(OidcClientType.CONFIDENTIAL), TestRealm.both()));
        assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, forbidden.code());
        assertTrue(forbidden.getMessage().contains("manage-clients"), forbidden.getMessage());
    }

    @Test
    void publicOidcClientIsRegisteredWithoutSecret() {
        TestRealm own = TestRealm.create("public");
        ConnectedRealm publicClient = connector.connect(own.connection(), TestRealm.gatehouse(OidcClientType.PUBLIC),
                Set.of(Protocol.OIDC));
        assertEquals(Optional.empty(), publicClient.oidcClientSecret());
        try (Keycloak admin = TestRealm.admin()) {
            assertTrue(admin.realm(own.name).clients().findByClientId("gatehouse-console").get(0).isPublicClient());
        }
    }

    @Test
    void unknownRealmIsACommunicationErrorNamingIt() {
        IamException missing = assertThrows(IamException.class, () -> connector.connect(RealKeycloak.realm("no-such-realm"),
                TestRealm.gatehouse(OidcClientType.PUBLIC), Set.of(Protocol.OIDC)));
        assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, missing.code());
        assertTrue(missing.getMessage().contains("has no realm no-such-realm"), missing.getMessage());
    }

    private static ClientRepresentation onlyClient(String clientId) {
        try (Keycloak admin = TestRealm.admin()) {
            List<ClientRepresentation> found = admin.realm(realm.name).clients().findByClientId(clientId);
            assertEquals(1, found.size(), "clients named " + clientId);
            return found.get(0);
        }
    }

    /** The client's admin resource, through an admin client kept open for the class. */
    private static ClientResource client(String clientId) {
        RealmResource resource = admin.realm(realm.name);
        return resource.clients().get(resource.clients().findByClientId(clientId).get(0).getId());
    }
}
