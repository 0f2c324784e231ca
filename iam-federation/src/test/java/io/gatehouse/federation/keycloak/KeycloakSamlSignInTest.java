package io.gatehouse.federation.keycloak;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.federation.saml.AwsSamlAttributes;
import io.gatehouse.federation.saml.SamlResponseValidator;
import io.gatehouse.federation.saml.SamlRole;
import io.gatehouse.federation.saml.SamlTrust;
import io.gatehouse.federation.saml.Solicitation;
import io.gatehouse.federation.saml.ValidatedAssertion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IdP-initiated SAML sign-in at a real Keycloak, as a user would do it: open Gatehouse's sign-in
 * URL at the realm, submit the login form, and take the SAMLResponse from the page that would
 * post it to Gatehouse. Gatehouse's own validator must accept it with what {@code connect}
 * returned, and nothing else.
 */
@RealKeycloakTest
class KeycloakSamlSignInTest {

    /** The assertion's validity comes from Keycloak's clock, which is the real one. */
    private static final SamlResponseValidator VALIDATOR = new SamlResponseValidator(Clock.systemUTC());

    private static TestRealm realm;
    private static GatehouseServiceProvider sp;
    private static ConnectedRealm connected;

    @BeforeAll
    static void connect() {
        realm = TestRealm.create("saml");
        sp = TestRealm.gatehouse(OidcClientType.CONFIDENTIAL);
        connected = new KeycloakRealmConnector().connect(realm.connection(), sp, Set.of(Protocol.SAML));
    }

    @Test
    void aliceReceivesAResponseGatehouseValidatesWithTheConnectedRealmsCertificates() {
        ValidatedAssertion assertion = VALIDATOR.validate(samlResponseFor(TestRealm.ALICE, TestRealm.ALICE_PASSWORD),
                connected.samlTrust(sp), Solicitation.unsolicited());
        assertEquals(realm.url().toString(), assertion.issuer());
        assertEquals("persistent", assertion.subjectType());
    }

    @Test
    void assertionNamesAlicesAwsRolePairAndHerSessionName() {
        AwsSamlAttributes attributes = AwsSamlAttributes.read(aliceAssertion());
        assertEquals(List.of(SamlRole.parse(TestRealm.DEV_ROLE_PAIR)), attributes.roles());
        assertEquals("alice", attributes.roleSessionName());
    }

    @Test
    void rolesNotNamedAsAwsRolePairsStayOutOfTheRoleAttribute() {
        assertEquals(List.of(TestRealm.DEV_ROLE_PAIR), aliceAssertion().attribute(AwsSamlAttributes.ROLE));
    }

    @Test
    void assertionCarriesAlicesGroupsByPath() {
        assertEquals(List.of("/engineering/dev"), aliceAssertion().attribute("groups"));
    }

    @Test
    void responseIsPostedToGatehousesAssertionConsumerUrl() {
        Browser.Page page = signIn(TestRealm.ALICE, TestRealm.ALICE_PASSWORD);
        assertTrue(page.html().contains("action=\"" + sp.assertionConsumerUrl() + "\""), page.html());
    }

    @Test
    void responseIsRefusedByAServiceProviderItWasNotIssuedFor() {
        SamlTrust elsewhere = new SamlTrust(connected.samlEntityId(), connected.samlSigningCertificates(),
                Set.of("urn:example:other-sp"), Set.of(sp.assertionConsumerUrl().toString()));
        String response = samlResponseFor(TestRealm.ALICE, TestRealm.ALICE_PASSWORD);
        IamException refused = assertThrows(IamException.class,
                () -> VALIDATOR.validate(response, elsewhere, Solicitation.unsolicited()));
        assertEquals(ErrorCode.INVALID_IDENTITY_TOKEN, refused.code());
    }

    @Test
    void wrongPasswordReturnsTheFormWithAnErrorAndNoAssertion() {
        Browser.Page page = signIn(TestRealm.ALICE, "not-alices-password");
        assertEquals(Optional.empty(), Browser.hiddenField(page, "SAMLResponse"));
        assertTrue(page.html().contains("Invalid username or password"), page.html());
        assertTrue(Browser.loginAction(page).getPath().endsWith("/login-actions/authenticate"));
    }

    private static ValidatedAssertion aliceAssertion() {
        return VALIDATOR.validate(samlResponseFor(TestRealm.ALICE, TestRealm.ALICE_PASSWORD), connected.samlTrust(sp),
                Solicitation.unsolicited());
    }

    private static String samlResponseFor(String username, String password) {
        Browser.Page page = signIn(username, password);
        return Browser.hiddenField(page, "SAMLResponse")
                .orElseThrow(() -> new AssertionError("No SAMLResponse on " + page.uri() + ": " + page.html()));
    }

    private static Browser.Page signIn(String username, String password) {
        Browser browser = new Browser(RealKeycloak.serverUrl());
        Browser.Page login = browser.get(URI.create(realm.url() + "/protocol/saml/clients/"
                + sp.idpInitiatedSignInName().orElseThrow()));
        return browser.signIn(login, username, password);
    }
}
