package io.gatehouse.it;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON REST API's door: bearer tokens issued at sign-in (password or SigV4), validated by
 * Liberty's mpJwt against the published JWKS, and mapped back onto the same principal.
 */
class JsonApiIT extends GatehouseServer {

    private static final IamClient IAM = admin();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @AfterAll
    static void close() {
        IAM.close();
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static java.util.Map<String, Object> json(String body) {
        try {
            return JSONObjectUtils.parse(body);
        } catch (java.text.ParseException e) {
            throw new AssertionError("not a JSON object: " + body, e);
        }
    }

    private static String signInBody(String account, String user, String password) {
        return "{\"accountId\":\"" + account + "\",\"userName\":\"" + user + "\",\"password\":\"" + password + "\"}";
    }

    private static HttpResponse<String> caller(String token) {
        return send(HttpRequest.newBuilder(endpoint().resolve("/api/v1/caller"))
                .header("Authorization", "Bearer " + token).GET().build());
    }

    private static String signedSignIn(AwsCredentialsIdentity identity) {
        URI uri = endpoint().resolve("/api/v1/sessions");
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri).build();
        HttpResponse<String> response = SignedHttp.send(SignedHttp.sign(request, "", identity, "sts"), "");
        assertEquals(200, response.statusCode(), response.body());
        return (String) json(response.body()).get("token");
    }

    private static String account() {
        return StsApiIT.sts(AwsBasicCredentials.create(adminAccessKeyId(), adminSecret())).getCallerIdentity().account();
    }

    @Test
    void theJwksPublishesAnEs256KeyWithoutItsPrivatePart() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint().resolve("/.well-known/jwks.json")).GET().build());

        assertEquals(200, response.statusCode());
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> key = ((java.util.List<java.util.Map<String, Object>>) json(response.body()).get("keys")).get(0);
        assertEquals("EC", key.get("kty"));
        assertEquals("P-256", key.get("crv"));
        assertFalse(key.containsKey("d"), "the private key is never published");
    }

    @Test
    void aSigV4SignedSignInGivesATokenThatLibertyAcceptsForTheSamePrincipal() {
        String token = signedSignIn(AwsCredentialsIdentity.create(adminAccessKeyId(), adminSecret()));

        HttpResponse<String> response = caller(token);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("arn:aws:iam::" + account() + ":user/admin", json(response.body()).get("arn"));
    }

    @Test
    void anAssumedRoleSessionGetsATokenForTheSession() {
        String user = unique("console");
        IAM.createUser(b -> b.userName(user));
        AccessKey key = IAM.createAccessKey(b -> b.userName(user)).accessKey();
        String roleName = unique("console-role");
        String roleArn = IAM.createRole(b -> b.roleName(roleName).assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:user/%s"},"Action":"sts:AssumeRole"}]}
                """.formatted(account(), user))).role().arn();
        Credentials session = StsApiIT.sts(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))
                .assumeRole(b -> b.roleArn(roleArn).roleSessionName("web")).credentials();

        String token = signedSignIn(AwsSessionCredentialsIdentity.create(session.accessKeyId(),
                session.secretAccessKey(), session.sessionToken()));

        java.util.Map<String, Object> caller = json(caller(token).body());
        assertEquals("arn:aws:sts::" + account() + ":assumed-role/" + roleName + "/web", caller.get("arn"));
        assertTrue(caller.containsKey("sessionExpiresAt"));
    }

    @Test
    void anIamUserSignsInWithItsConsolePassword() {
        String user = unique("webuser");
        IAM.createUser(b -> b.userName(user));
        IAM.createLoginProfile(b -> b.userName(user).password("Console-Pass-123!"));
        String body = signInBody(account(), user, "Console-Pass-123!");

        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(endpoint().resolve("/api/v1/sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());

        assertEquals(200, signedIn.statusCode(), signedIn.body());
        HttpResponse<String> response = caller((String) json(signedIn.body()).get("token"));
        assertEquals("arn:aws:iam::" + account() + ":user/" + user, json(response.body()).get("arn"));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserAreRefusedAlike() {
        String user = unique("webuser");
        IAM.createUser(b -> b.userName(user));
        IAM.createLoginProfile(b -> b.userName(user).password("Console-Pass-123!"));

        HttpResponse<String> wrong = signIn(account(), user, "Wrong-Pass-123!");
        HttpResponse<String> unknown = signIn(account(), unique("nobody"), "Console-Pass-123!");

        assertEquals(403, wrong.statusCode());
        assertEquals(403, unknown.statusCode());
        assertEquals(json(wrong.body()).get("message"), json(unknown.body()).get("message"));
        assertEquals("AccessDenied", json(wrong.body()).get("code"));
    }

    @Test
    void withoutAValidTokenTheApiAnswersUnauthorized() {
        String token = signedSignIn(AwsCredentialsIdentity.create(adminAccessKeyId(), adminSecret()));
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);

        assertEquals(401, send(HttpRequest.newBuilder(endpoint().resolve("/api/v1/caller")).GET().build()).statusCode());
        assertEquals(401, caller(tampered).statusCode());
    }

    private static HttpResponse<String> signIn(String account, String user, String password) {
        String body = signInBody(account, user, password);
        return send(HttpRequest.newBuilder(endpoint().resolve("/api/v1/sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
