package io.gatehouse.it;

import com.nimbusds.jose.util.JSONObjectUtils;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.iam.IamClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser sign-in at an OpenID Connect provider (a loopback mock-oauth2-server): the IAM OIDC
 * provider and a sign-in provider linked to it, a role trusting the IAM provider, role-mapping
 * rules on it, and a browser that follows the redirects to a console session.
 */
class OidcSignInIT extends GatehouseServer {

    private static final String CLIENT_ID = "gatehouse-console";
    private static final IamClient IAM = admin();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ACCOUNT = StsApiIT.sts(AwsBasicCredentials.create(adminAccessKeyId(), adminSecret()))
            .getCallerIdentity().account();

    /** An issuer of the mock server, its IAM OIDC provider and a sign-in provider linked to it. */
    private record Provider(String issuerId, String issuer, String iamArn, String name) {
        String key() {
            return issuer.substring(issuer.indexOf("://") + 3);
        }
    }

    @Test
    void aBrowserSignsInAtTheProviderAndGetsAConsoleSessionForTheMappedRole() throws Exception {
        Provider provider = givenProvider();
        String role = givenRole(provider);
        mapDevelopers(provider, role);
        willSignIn(provider, "developers");

        Callback callback = followToCallback(provider);
        HttpResponse<String> signedIn = get(callback.url(), callback.cookie(), "application/json");

        assertEquals(200, signedIn.statusCode(), signedIn.body());
        Map<String, Object> session = JSONObjectUtils.parse(signedIn.body());
        assertEquals("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/alice", session.get("principalArn"));
        assertEquals("developers", session.get("mappedBy"));
        assertTrue(signedIn.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("gatehouse_console=")));
        HttpResponse<String> caller = HTTP.send(HttpRequest.newBuilder(endpoint().resolve("/api/v1/caller"))
                .header("Authorization", "Bearer " + session.get("token")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, caller.statusCode(), caller.body());
        assertEquals(session.get("principalArn"), JSONObjectUtils.parse(caller.body()).get("arn"));
    }

    @Test
    void thePendingSignInCookieIsSealedHttpOnlyAndLax() {
        Provider provider = givenProvider();

        HttpResponse<String> start = get(startPath(provider), null, "text/html");

        assertEquals(302, start.statusCode(), start.body());
        assertTrue(start.headers().firstValue("Location").orElseThrow().startsWith(provider.issuer() + "/authorize?"));
        String cookie = start.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("gatehouse_oidc=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
        assertFalse(cookie.contains(CLIENT_ID), cookie);
    }

    @Test
    void aCallbackWithoutThePendingCookieIsRefused() throws Exception {
        Provider provider = givenProvider();
        mapDevelopers(provider, givenRole(provider));

        Callback callback = followToCallback(provider);
        HttpResponse<String> refused = get(callback.url(), null, "application/json");

        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("AccessDenied", JSONObjectUtils.parse(refused.body()).get("code"));
    }

    @Test
    void aCallbackWithAnotherStateIsRefused() throws Exception {
        Provider provider = givenProvider();
        mapDevelopers(provider, givenRole(provider));

        Callback callback = followToCallback(provider);
        String tampered = callback.url().replaceAll("state=[^&]+", "state=forged-state-of-another-sign-in");
        HttpResponse<String> refused = get(tampered, callback.cookie(), "application/json");

        assertEquals(403, refused.statusCode(), refused.body());
        assertFalse(refused.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("gatehouse_console=")));
    }

    @Test
    void aPersonWhomNoRuleMapsIsRefused() throws Exception {
        Provider provider = givenProvider();
        mapDevelopers(provider, givenRole(provider));
        willSignIn(provider, "sales");

        Callback callback = followToCallback(provider);
        HttpResponse<String> refused = get(callback.url(), callback.cookie(), "application/json");

        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(JSONObjectUtils.parse(refused.body()).get("message").toString().contains("no role-mapping rule"),
                refused.body());
    }

    @Test
    void aSignInProviderWhoseClientIdTheIamProviderDoesNotListIsRefusedOnSave() throws Exception {
        String issuerId = unique("signin");
        String issuer = StsFederationIT.oidc().issuerUrl(issuerId).toString();
        String iamArn = IAM.createOpenIDConnectProvider(b -> b.url(issuer).clientIDList("another-client"))
                .openIDConnectProviderArn();

        HttpResponse<String> refused = rest("POST", "/api/v1/login-providers", body(unique("corp"), issuer, iamArn));

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("InvalidInput", JSONObjectUtils.parse(refused.body()).get("code"), refused.body());
        assertTrue(refused.body().contains("does not list client id " + CLIENT_ID), refused.body());
    }

    @Test
    void theSignInProviderIsReadBackWithoutItsSecret() throws Exception {
        Provider provider = givenProvider();

        HttpResponse<String> read = rest("GET", "/api/v1/login-providers/" + provider.name(), null);

        assertEquals(200, read.statusCode(), read.body());
        assertFalse(read.body().contains("console-secret"), read.body());
        assertEquals(provider.iamArn(), JSONObjectUtils.parse(read.body()).get("iamProviderArn"));
    }

    // --- the provider, the role, the rules ---

    private static Provider givenProvider() {
        String issuerId = unique("signin");
        String issuer = StsFederationIT.oidc().issuerUrl(issuerId).toString();
        String iamArn = IAM.createOpenIDConnectProvider(b -> b.url(issuer).clientIDList(CLIENT_ID))
                .openIDConnectProviderArn();
        String name = unique("corp");
        HttpResponse<String> created = rest("POST", "/api/v1/login-providers", body(name, issuer, iamArn));
        assertEquals(201, created.statusCode(), created.body());
        return new Provider(issuerId, issuer, iamArn, name);
    }

    private static String body(String name, String issuer, String iamArn) {
        return """
                {"name": "%s", "kind": "oidc", "issuer": "%s", "clientId": "%s", "clientSecret": "console-secret-1",
                 "iamProviderArn": "%s"}""".formatted(name, issuer, CLIENT_ID, iamArn);
    }

    /** Trusts the IAM provider for this client, and only with the session tag the token passes. */
    private static String givenRole(Provider provider) {
        String name = unique("Console");
        IAM.createRole(b -> b.roleName(name).assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"%s"},
                 "Action":["sts:AssumeRoleWithWebIdentity","sts:TagSession"],
                 "Condition":{"StringEquals":{"%s:aud":"%s","aws:RequestTag/Team":"Payments"}}}]}"""
                .formatted(provider.iamArn(), provider.key(), CLIENT_ID)));
        return name;
    }

    private static void mapDevelopers(Provider provider, String role) {
        HttpResponse<String> put = rest("PUT", "/api/v1/providers/" + encoded(provider.iamArn()) + "/role-mappings", """
                {"mode": "FIRST_MATCH",
                 "rules": [{"name": "developers", "conditions": [{"memberOf": "developers"}],
                            "role": "arn:aws:iam::%s:role/%s"}]}""".formatted(ACCOUNT, role));
        assertEquals(204, put.statusCode(), put.body());
    }

    /**
     * The ID token the mock provider issues at the next code redemption: alice, in {@code group},
     * with a session tag. Only for sign-ins that reach the token endpoint: the mock server takes
     * its queue's head only for the head's own issuer, so a callback left over would block others.
     */
    private static void willSignIn(Provider provider, String group) {
        MockOAuth2Server server = StsFederationIT.oidc();
        server.enqueueCallback(new DefaultOAuth2TokenCallback(provider.issuerId(), "alice-subject", "JWT",
                List.of(CLIENT_ID), Map.of("preferred_username", "alice", "groups", List.of(group),
                "https://aws.amazon.com/tags", Map.of("principal_tags", Map.of("Team", List.of("Payments")))), 3600));
    }

    // --- the browser ---

    private static String startPath(Provider provider) {
        return "/signin/oidc/" + ACCOUNT + "/" + provider.name();
    }

    /** Where the provider sends the browser back, and the pending sign-in's cookie the browser kept. */
    private record Callback(String url, String cookie) {
    }

    /** Start, then the provider's authorize endpoint, which signs alice in and redirects to the callback. */
    private static Callback followToCallback(Provider provider) {
        HttpResponse<String> start = get(startPath(provider), null, "text/html");
        assertEquals(302, start.statusCode(), start.body());
        String cookie = start.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("gatehouse_oidc="))
                .findFirst().orElseThrow().split(";")[0];
        HttpResponse<String> authorized = get(start.headers().firstValue("Location").orElseThrow(), null, "text/html");
        assertEquals(302, authorized.statusCode(), authorized.body());
        String url = authorized.headers().firstValue("Location").orElseThrow();
        assertTrue(url.contains("/signin/oidc/callback?"), url);
        return new Callback(url, cookie);
    }

    private static HttpResponse<String> get(String url, String cookie, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.startsWith("/") ? endpoint().resolve(url) : URI.create(url))
                .header("Accept", accept).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.build());
    }

    // --- HTTP ---

    private static String token;

    private static synchronized String token() {
        if (token == null) {
            SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                    .uri(endpoint().resolve("/api/v1/sessions")).build();
            HttpResponse<String> response = SignedHttp.send(SignedHttp.sign(request, "",
                    AwsCredentialsIdentity.create(adminAccessKeyId(), adminSecret()), "sts"), "");
            assertEquals(200, response.statusCode(), response.body());
            try {
                token = (String) JSONObjectUtils.parse(response.body()).get("token");
            } catch (java.text.ParseException e) {
                throw new AssertionError(response.body(), e);
            }
        }
        return token;
    }

    private static HttpResponse<String> rest(String method, String path, String body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return send(HttpRequest.newBuilder(endpoint().resolve(path)).header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json").method(method, publisher).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Liberty refuses an encoded '/' in a path, so the ARN's slashes stay as they are. */
    private static String encoded(String arn) {
        return URLEncoder.encode(arn, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
