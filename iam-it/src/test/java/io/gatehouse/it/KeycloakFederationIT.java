package io.gatehouse.it;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A company running Keycloak federates in one call: {@code POST /api/v1/keycloak-realms} registers
 * Gatehouse in a real Keycloak realm and creates the account's SAML and OIDC providers; then the
 * realm's users, signed in at Keycloak's own login form, take roles with the SAML response and the
 * ID token Keycloak issued, through the AWS SDK and the AWS CLI.
 */
class KeycloakFederationIT extends GatehouseServer {

    private static final IamClient IAM = admin();
    private static final StsClient ANONYMOUS = StsClient.builder()
            .endpointOverride(endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).build())
            .build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The application's redirect URI; nobody serves it, the browser stops at the redirect. */
    private static final URI REDIRECT_URI = URI.create("http://127.0.0.1:9/oidc/callback");

    private static String account;
    private static String providerName;
    private static CompanyRealm realm;
    private static Map<String, Object> connected;
    private static String samlRole;
    private static String webRole;

    @BeforeAll
    static void connectTheCompanysRealm() {
        account = StsApiIT.sts(AwsBasicCredentials.create(adminAccessKeyId(), adminSecret())).getCallerIdentity().account();
        providerName = unique("keycloak");
        String samlRoleName = unique("kc-dev");
        samlRole = "arn:aws:iam::" + account + ":role/" + samlRoleName;
        realm = CompanyRealm.create(unique("corp"), samlRole + "," + samlProviderArn());

        HttpResponse<String> response = connect(KeycloakServer.ADMIN_PASSWORD, providerName, "saml", "oidc");
        assertEquals(201, response.statusCode(), response.body());
        connected = json(response.body());

        IAM.createRole(b -> b.roleName(samlRoleName).assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"%s"},
                 "Action":"sts:AssumeRoleWithSAML","Condition":{"StringEquals":{"saml:aud":"https://signin.aws.amazon.com/saml"}}}]}
                """.formatted(samlProviderArn())));
        String issuerKey = realm.url().toString().substring("http://".length());
        webRole = IAM.createRole(b -> b.roleName(unique("kc-web")).assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"%s"},
                 "Action":"sts:AssumeRoleWithWebIdentity",
                 "Condition":{"StringEquals":{"%s:aud":"gatehouse","%s:sub":"%s"}}}]}
                """.formatted(connected.get("oidcProviderArn"), issuerKey, issuerKey, realm.aliceId))).role().arn();
    }

    @AfterAll
    static void close() {
        IAM.close();
        ANONYMOUS.close();
    }

    @Test
    void connectingCreatesTheSamlProviderFromTheRealmsMetadata() {
        assertEquals(samlProviderArn(), connected.get("samlProviderArn"));
        String metadata = IAM.getSAMLProvider(b -> b.samlProviderArn(samlProviderArn())).samlMetadataDocument();
        assertTrue(metadata.contains("entityID=\"" + realm.url() + "\""), metadata);
        assertEquals(URI.create(realm.url() + "/protocol/saml/clients/gatehouse").toString(), connected.get("samlSignInUrl"));
    }

    @Test
    void connectingCreatesTheOidcProviderForTheRealmsIssuerAndTheRegisteredClient() {
        String arn = (String) connected.get("oidcProviderArn");
        assertEquals("arn:aws:iam::" + account + ":oidc-provider/" + realm.url().toString().substring("http://".length()), arn);
        GetOpenIdConnectProviderResponse provider = IAM.getOpenIDConnectProvider(b -> b.openIDConnectProviderArn(arn));
        assertEquals(realm.url().toString(), connected.get("oidcIssuer"));
        assertEquals(List.of("gatehouse"), provider.clientIDList());
        assertEquals("gatehouse", connected.get("oidcClientId"));
        assertFalse(((String) connected.get("oidcClientSecret")).isBlank());
    }

    @Test
    void aliceTakesTheRoleHerGroupMapsToWithKeycloaksSamlResponse() {
        String response = realm.samlResponse(samlSignInUrl(), CompanyRealm.ALICE, CompanyRealm.ALICE_PASSWORD);

        AssumeRoleWithSamlResponse assumed = ANONYMOUS.assumeRoleWithSAML(b -> b.samlAssertion(response)
                .roleArn(samlRole).principalArn(samlProviderArn()));

        String sessionArn = "arn:aws:sts::" + account + ":assumed-role/" + roleName(samlRole) + "/alice";
        assertEquals(sessionArn, assumed.assumedRoleUser().arn());
        assertEquals(realm.url().toString(), assumed.issuer());
        assertEquals(sessionArn, callerArn(assumed.credentials()));
    }

    @Test
    void aliceTakesTheWebIdentityRoleWithKeycloaksIdToken() {
        String token = aliceIdToken();

        AssumeRoleWithWebIdentityResponse assumed = ANONYMOUS.assumeRoleWithWebIdentity(b -> b.webIdentityToken(token)
                .roleArn(webRole).roleSessionName("alice-web"));

        String sessionArn = "arn:aws:sts::" + account + ":assumed-role/" + roleName(webRole) + "/alice-web";
        assertEquals(sessionArn, assumed.assumedRoleUser().arn());
        assertEquals(realm.aliceId, assumed.subjectFromWebIdentityToken());
        assertEquals(sessionArn, callerArn(assumed.credentials()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void listingTheRealmsGroupsShowsTheirPathsForMappingRules() {
        HttpResponse<String> response = post("/api/v1/keycloak-realms/groups", """
                {"serverUrl":"%s","realm":"%s","adminUser":"%s","adminPassword":"%s","providerName":"%s"}
                """.formatted(KeycloakServer.url(), realm.name, KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD,
                providerName));

        assertEquals(200, response.statusCode(), response.body());
        List<String> paths = ((List<Map<String, Object>>) json(response.body()).get("groups")).stream()
                .map(group -> (String) group.get("path")).toList();
        assertEquals(List.of("/engineering", CompanyRealm.DEV_GROUP, CompanyRealm.FINANCE_GROUP), paths.stream().sorted().toList());
    }

    @Test
    void bobInNoMappedGroupGetsNoRoleAttributeAndIsRefusedTheSamlRole() {
        String response = realm.samlResponse(samlSignInUrl(), CompanyRealm.BOB, CompanyRealm.BOB_PASSWORD);

        StsException refused = assertThrows(StsException.class, () -> ANONYMOUS.assumeRoleWithSAML(b -> b
                .samlAssertion(response).roleArn(samlRole).principalArn(samlProviderArn())));
        // Bob holds no role pair, so the realm's SAML client sends no Role attribute at all.
        assertEquals("InvalidIdentityToken", refused.awsErrorDetails().errorCode());
        assertTrue(refused.awsErrorDetails().errorMessage().contains("no https://aws.amazon.com/SAML/Attributes/Role attribute"),
                refused.awsErrorDetails().errorMessage());
    }

    @Test
    void bobIsRefusedTheWebIdentityRoleTrustedToAlice() {
        String token = realm.idToken("gatehouse", (String) connected.get("oidcClientSecret"), REDIRECT_URI,
                CompanyRealm.BOB, CompanyRealm.BOB_PASSWORD);

        StsException refused = assertThrows(StsException.class, () -> ANONYMOUS.assumeRoleWithWebIdentity(b -> b
                .webIdentityToken(token).roleArn(webRole).roleSessionName("bob-web")));
        assertEquals("AccessDenied", refused.awsErrorDetails().errorCode());
    }

    @Test
    void aWrongAdminPasswordIsRefusedNamingTheCredentialsAndCreatesNoProvider() {
        String name = unique("refused");
        String wrong = "not-the-admin-password";

        HttpResponse<String> response = connect(wrong, name, "saml");

        assertEquals(400, response.statusCode(), response.body());
        Map<String, Object> error = json(response.body());
        assertEquals("IDPCommunicationError", error.get("code"));
        String message = (String) error.get("message");
        assertTrue(message.contains("refused the admin credentials"), message);
        assertFalse(message.contains(wrong), message);
        assertTrue(IAM.listSAMLProviders().samlProviderList().stream().noneMatch(p -> p.arn().endsWith("/" + name)));
    }

    @Test
    void connectingTheRealmAgainIsRefusedBecauseItsOidcProviderExists() {
        HttpResponse<String> response = connect(KeycloakServer.ADMIN_PASSWORD, unique("again"), "oidc");

        assertEquals(409, response.statusCode(), response.body());
        Map<String, Object> error = json(response.body());
        assertEquals("EntityAlreadyExists", error.get("code"));
        assertEquals("Provider with url " + realm.url() + " already exists.", error.get("message"));
    }

    @Test
    void theAwsCliTakesRolesWithKeycloaksSamlResponseAndIdToken() throws IOException, InterruptedException {
        String saml = realm.samlResponse(samlSignInUrl(), CompanyRealm.ALICE, CompanyRealm.ALICE_PASSWORD);
        String token = aliceIdToken();

        CliScript.run("cli-keycloak.sh", "cli-keycloak", Map.of(
                "KEYCLOAK_SAML_RESPONSE", saml, "SAML_ROLE_ARN", samlRole, "SAML_PROVIDER_ARN", samlProviderArn(),
                "SAML_SESSION_NAME", CompanyRealm.ALICE,
                "KEYCLOAK_ID_TOKEN", token, "WEB_IDENTITY_ROLE_ARN", webRole, "WEB_IDENTITY_SUBJECT", realm.aliceId));
    }

    private static String aliceIdToken() {
        return realm.idToken("gatehouse", (String) connected.get("oidcClientSecret"), REDIRECT_URI,
                CompanyRealm.ALICE, CompanyRealm.ALICE_PASSWORD);
    }

    private static HttpResponse<String> connect(String adminPassword, String name, String... protocols) {
        return post("/api/v1/keycloak-realms", """
                {"serverUrl":"%s","realm":"%s","adminUser":"%s","adminPassword":"%s",
                 "protocols":[%s],"providerName":"%s","oidcRedirectUris":["%s"]}
                """.formatted(KeycloakServer.url(), realm.name, KeycloakServer.ADMIN_USER, adminPassword,
                String.join(",", Arrays.stream(protocols).map(p -> "\"" + p + "\"").toList()), name, REDIRECT_URI));
    }

    private static String samlProviderArn() {
        return "arn:aws:iam::" + account + ":saml-provider/" + providerName;
    }

    private static URI samlSignInUrl() {
        return URI.create((String) connected.get("samlSignInUrl"));
    }

    private static String roleName(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    private static String callerArn(Credentials credentials) {
        try (StsClient session = StsApiIT.sts(AwsSessionCredentials.create(credentials.accessKeyId(),
                credentials.secretAccessKey(), credentials.sessionToken()))) {
            return session.getCallerIdentity().arn();
        }
    }

    /** A JSON API call as the bootstrap administrator, with a bearer token from a SigV4-signed sign-in. */
    private static HttpResponse<String> post(String path, String body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(endpoint().resolve(path))
                    .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String token() {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(endpoint().resolve("/api/v1/sessions")).build();
        HttpResponse<String> response = SignedHttp.send(SignedHttp.sign(request, "",
                AwsCredentialsIdentity.create(adminAccessKeyId(), adminSecret()), "sts"), "");
        assertEquals(200, response.statusCode(), response.body());
        return (String) json(response.body()).get("token");
    }

    private static Map<String, Object> json(String body) {
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw new AssertionError("not a JSON object: " + body, e);
        }
    }
}
