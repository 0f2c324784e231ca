package io.gatehouse.it;

import io.gatehouse.it.SignedSamlResponse.IdentityProvider;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AssumeRoleWithSAML and AssumeRoleWithWebIdentity through the AWS SDK, unsigned as AWS sends them:
 * a SAML identity provider made in the test, and an OpenID Connect provider on loopback.
 */
class StsFederationIT extends GatehouseServer {

    private static final IamClient IAM = admin();
    private static final StsClient ANONYMOUS = StsClient.builder()
            .endpointOverride(endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).build())
            .build();
    static final String CLIENT_ID = "gatehouse-app";
    private static MockOAuth2Server oidc;

    /**
     * The loopback OpenID Connect provider, started once for every test class that needs it; the
     * clients above stay open for them too, and all of it ends with the test JVM.
     */
    static synchronized MockOAuth2Server oidc() {
        if (oidc == null) {
            oidc = new MockOAuth2Server();
            oidc.start();
            MockOAuth2Server started = oidc;
            Runtime.getRuntime().addShutdownHook(new Thread(started::shutdown));
            warmUp(started);
        }
        return oidc;
    }

    /**
     * Its first answers come slowly while its code loads; asked once here, it answers the server's
     * discovery and key requests within the server's timeout.
     */
    private static void warmUp(MockOAuth2Server server) {
        HttpClient http = HttpClient.newHttpClient();
        try {
            for (String path : List.of(".well-known/openid-configuration", "jwks")) {
                http.send(HttpRequest.newBuilder(URI.create(server.issuerUrl("warm-up") + "/" + path)).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("The loopback OpenID Connect provider does not answer", e);
        }
    }

    // --- SAML ---------------------------------------------------------------------------------

    /** A SAML provider of the admin's account for a fresh identity provider; returns its ARN. */
    static String givenSamlProvider(IdentityProvider idp) {
        return IAM.createSAMLProvider(b -> b.name(unique("idp")).samlMetadataDocument(idp.metadata())).samlProviderArn();
    }

    static String givenRoleTrusting(String federated, String action, String condition) {
        String name = unique("federated");
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\""
                + federated + "\"},\"Action\":\"" + action + "\",\"Condition\":" + condition + "}]}";
        return IAM.createRole(b -> b.roleName(name).assumeRolePolicyDocument(trust)).role().arn();
    }

    static String samlRole(String provider) {
        return givenRoleTrusting(provider, "sts:AssumeRoleWithSAML",
                "{\"StringEquals\":{\"saml:aud\":\"" + SignedSamlResponse.AWS_SIGN_IN + "\"}}");
    }

    private static AssumeRoleWithSamlResponse assumeWithSaml(String assertion, String role, String provider) {
        return ANONYMOUS.assumeRoleWithSAML(b -> b.samlAssertion(assertion).roleArn(role).principalArn(provider));
    }

    @Test
    void aSignedAssertionBuysCredentialsOfTheRole() {
        IdentityProvider idp = IdentityProvider.generate("https://idp-" + unique("e") + ".example.com/saml");
        String provider = givenSamlProvider(idp);
        String role = samlRole(provider);

        AssumeRoleWithSamlResponse response = assumeWithSaml(
                SignedSamlResponse.offering(idp, role, provider, "alice").base64(), role, provider);

        String roleName = role.substring(role.lastIndexOf('/') + 1);
        String sessionArn = role.split(":")[4];
        assertEquals("arn:aws:sts::" + sessionArn + ":assumed-role/" + roleName + "/alice",
                response.assumedRoleUser().arn());
        assertEquals("alice@example.com", response.subject());
        assertEquals("persistent", response.subjectType());
        assertEquals(idp.entityId(), response.issuer());
        assertEquals(SignedSamlResponse.AWS_SIGN_IN, response.audience());
        assertTrue(response.credentials().accessKeyId().startsWith("ASIA"));
        try (StsClient session = StsApiIT.sts(StsApiIT.session(response.credentials()))) {
            assertEquals(response.assumedRoleUser().arn(), session.getCallerIdentity().arn());
        }
    }

    @Test
    void anAssertionIsAcceptedOnlyOnce() {
        IdentityProvider idp = IdentityProvider.generate("urn:" + unique("idp"));
        String provider = givenSamlProvider(idp);
        String role = samlRole(provider);
        String assertion = SignedSamlResponse.offering(idp, role, provider, "alice").base64();
        assumeWithSaml(assertion, role, provider);

        refused("InvalidIdentityToken", () -> assumeWithSaml(assertion, role, provider));
    }

    @Test
    void refusesAnUnsignedAssertion() {
        IdentityProvider idp = IdentityProvider.generate("urn:" + unique("idp"));
        String provider = givenSamlProvider(idp);
        String role = samlRole(provider);

        refused("InvalidIdentityToken", () -> assumeWithSaml(
                SignedSamlResponse.offering(idp, role, provider, "alice").unsigned().base64(), role, provider));
    }

    @Test
    void refusesARoleTheAssertionDoesNotOffer() {
        IdentityProvider idp = IdentityProvider.generate("urn:" + unique("idp"));
        String provider = givenSamlProvider(idp);
        String offered = samlRole(provider);
        String other = samlRole(provider);

        refused("AccessDenied", () -> assumeWithSaml(
                SignedSamlResponse.offering(idp, offered, provider, "alice").base64(), other, provider));
    }

    @Test
    void refusesAnExpiredAssertion() {
        IdentityProvider idp = IdentityProvider.generate("urn:" + unique("idp"));
        String provider = givenSamlProvider(idp);
        String role = samlRole(provider);

        refused("ExpiredTokenException", () -> assumeWithSaml(SignedSamlResponse.offering(idp, role, provider, "alice")
                .expiredAt(Instant.now().minusSeconds(3600)).base64(), role, provider));
    }

    // --- OpenID Connect -----------------------------------------------------------------------

    /** An issuer of the loopback provider registered as an OIDC provider; returns the ARN. */
    static String givenOidcProvider(String issuerId) {
        return IAM.createOpenIDConnectProvider(b -> b.url(oidc().issuerUrl(issuerId).toString()).clientIDList(CLIENT_ID))
                .openIDConnectProviderArn();
    }

    static String webRole(String provider, String audience) {
        String key = provider.substring(provider.indexOf("oidc-provider/") + "oidc-provider/".length());
        return givenRoleTrusting(provider, "sts:AssumeRoleWithWebIdentity",
                "{\"StringEquals\":{\"" + key + ":aud\":\"" + audience + "\"}}");
    }

    static String token(String issuerId, String audience, String subject, long lifetimeSeconds) {
        return oidc().issueToken(issuerId, audience, new DefaultOAuth2TokenCallback(issuerId, subject, "JWT",
                List.of(audience), Map.of(), lifetimeSeconds)).serialize();
    }

    private static AssumeRoleWithWebIdentityResponse assumeWithToken(String token, String role) {
        return ANONYMOUS.assumeRoleWithWebIdentity(b -> b.webIdentityToken(token).roleArn(role).roleSessionName("ci-run"));
    }

    @Test
    void aTokenOfARegisteredProviderBuysCredentialsOfTheRole() {
        String issuerId = unique("issuer");
        String provider = givenOidcProvider(issuerId);
        String role = webRole(provider, CLIENT_ID);

        AssumeRoleWithWebIdentityResponse response = assumeWithToken(token(issuerId, CLIENT_ID, "repo:main", 600), role);

        assertEquals("repo:main", response.subjectFromWebIdentityToken());
        assertEquals(provider, response.provider());
        assertEquals(CLIENT_ID, response.audience());
        assertTrue(response.assumedRoleUser().arn().endsWith("/ci-run"), response.assumedRoleUser().arn());
        try (StsClient session = StsApiIT.sts(StsApiIT.session(response.credentials()))) {
            assertEquals(response.assumedRoleUser().arn(), session.getCallerIdentity().arn());
        }
    }

    @Test
    void refusesATokenForAnotherAudience() {
        String issuerId = unique("issuer");
        String role = webRole(givenOidcProvider(issuerId), CLIENT_ID);

        refused("InvalidIdentityToken", () -> assumeWithToken(token(issuerId, "someone-else", "repo:main", 600), role));
    }

    @Test
    void refusesATokenOfAnUnregisteredIssuer() {
        String role = webRole(givenOidcProvider(unique("issuer")), CLIENT_ID);

        refused("InvalidIdentityToken", () -> assumeWithToken(token(unique("stranger"), CLIENT_ID, "x", 600), role));
    }

    @Test
    void refusesAnExpiredToken() {
        String issuerId = unique("issuer");
        String role = webRole(givenOidcProvider(issuerId), CLIENT_ID);

        refused("ExpiredTokenException", () -> assumeWithToken(token(issuerId, CLIENT_ID, "repo:main", -600), role));
    }

    @Test
    void refusesWhenTheTrustConditionIsNotMet() {
        String issuerId = unique("issuer");
        String provider = givenOidcProvider(issuerId);
        String key = provider.substring(provider.indexOf("oidc-provider/") + "oidc-provider/".length());
        String role = givenRoleTrusting(provider, "sts:AssumeRoleWithWebIdentity",
                "{\"StringEquals\":{\"" + key + ":sub\":\"repo:release\"}}");

        refused("AccessDenied", () -> assumeWithToken(token(issuerId, CLIENT_ID, "repo:main", 600), role));
    }

    private static StsException refused(String code, Runnable call) {
        StsException e = assertThrows(StsException.class, call::run);
        assertEquals(code, e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage());
        return e;
    }
}
