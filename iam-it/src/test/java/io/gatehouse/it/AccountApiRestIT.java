package io.gatehouse.it;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The account through the JSON REST API: every mutating call's audit event read back, with its
 * secrets redacted, and the root user's security checklist — each behind its IAM permission.
 */
class AccountApiRestIT extends GatehouseServer {

    private static final IamClient IAM = admin();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @AfterAll
    static void close() {
        IAM.close();
    }

    private static String token(String keyId, String secret) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                .uri(endpoint().resolve("/api/v1/sessions")).build();
        HttpResponse<String> response = SignedHttp.send(
                SignedHttp.sign(request, "", AwsCredentialsIdentity.create(keyId, secret), "sts"), "");
        assertEquals(200, response.statusCode(), response.body());
        return (String) json(response.body()).get("token");
    }

    private static HttpResponse<String> get(String path, String token) {
        try {
            return HTTP.send(HttpRequest.newBuilder(endpoint().resolve(path)).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> json(String body) {
        try {
            return JSONObjectUtils.parse(body);
        } catch (java.text.ParseException e) {
            throw new AssertionError("not a JSON object: " + body, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(String query, String token) {
        HttpResponse<String> response = get("/api/v1/account/audit-events?" + query, token);
        assertEquals(200, response.statusCode(), response.body());
        return (List<Map<String, Object>>) json(response.body()).get("events");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyChangeIsAuditedAndReadBackWithoutItsSecrets() {
        String user = unique("audited");
        IAM.createUser(b -> b.userName(user));
        IAM.createLoginProfile(b -> b.userName(user).password("Audit-Pass-123!"));
        IAM.tagUser(b -> b.userName(user).tags(t -> t.key("team").value("blue")));
        assertThrows(NoSuchEntityException.class, () -> IAM.deleteUser(b -> b.userName(unique("ghost"))));
        String token = token(adminAccessKeyId(), adminSecret());

        List<Map<String, Object>> created = events("action=CreateUser&limit=1000", token);
        Map<String, Object> creation = created.stream()
                .filter(e -> user.equals(((Map<String, Object>) e.get("parameters")).get("UserName")))
                .findFirst().orElseThrow(() -> new AssertionError("no CreateUser event for " + user));
        assertTrue(((String) creation.get("principalArn")).endsWith(":user/admin"), creation.toString());
        assertEquals("Success", creation.get("outcome"));

        Map<String, Object> login = events("action=CreateLoginProfile&limit=1000", token).stream()
                .filter(e -> user.equals(((Map<String, Object>) e.get("parameters")).get("UserName")))
                .findFirst().orElseThrow();
        assertEquals("***", ((Map<String, Object>) login.get("parameters")).get("Password"));
        assertTrue(events("action=TagUser&limit=1000", token).stream()
                .anyMatch(e -> user.equals(((Map<String, Object>) e.get("parameters")).get("UserName"))));
        assertTrue(events("action=DeleteUser&limit=1000", token).stream()
                .noneMatch(e -> ((String) ((Map<String, Object>) e.get("parameters")).get("UserName")).startsWith("ghost")),
                "a refused change leaves no event");

        List<Map<String, Object>> newest = events("limit=3", token);
        assertEquals(3, newest.size());
        assertTrue(((String) newest.get(0).get("eventTime")).compareTo((String) newest.get(2).get("eventTime")) >= 0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void issuedCredentialsAreAuditedWithinMomentsOutsideTheRequest() throws InterruptedException {
        String account = StsApiIT.sts(AwsBasicCredentials.create(adminAccessKeyId(), adminSecret()))
                .getCallerIdentity().account();
        String role = unique("audited-role");
        String roleArn = IAM.createRole(b -> b.roleName(role).assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:user/admin"},"Action":"sts:AssumeRole"}]}
                """.formatted(account))).role().arn();
        String session = unique("s");
        StsApiIT.sts(AwsBasicCredentials.create(adminAccessKeyId(), adminSecret()))
                .assumeRole(b -> b.roleArn(roleArn).roleSessionName(session));
        String token = token(adminAccessKeyId(), adminSecret());

        // Written in batches a few times a second: poll the trail for a few seconds at most.
        Map<String, Object> issued = null;
        for (int attempt = 0; attempt < 50 && issued == null; attempt++) {
            issued = events("action=AssumeRole&limit=1000", token).stream()
                    .filter(e -> session.equals(((Map<String, Object>) e.get("parameters")).get("RoleSessionName")))
                    .findFirst().orElse(null);
            if (issued == null) {
                Thread.sleep(100);
            }
        }
        assertTrue(issued != null, "no AssumeRole event for session " + session);
        assertEquals(roleArn, ((Map<String, Object>) issued.get("parameters")).get("RoleArn"));
        assertTrue(((String) issued.get("principalArn")).endsWith(":user/admin"), issued.toString());
    }

    @Test
    void readingTheTrailNeedsLookupEventsPermission() {
        String user = unique("no-trail");
        IAM.createUser(b -> b.userName(user));
        AccessKey key = IAM.createAccessKey(b -> b.userName(user)).accessKey();
        String token = token(key.accessKeyId(), key.secretAccessKey());

        HttpResponse<String> refused = get("/api/v1/account/audit-events", token);
        assertEquals(403, refused.statusCode());
        assertEquals("AccessDenied", json(refused.body()).get("code"));
        assertTrue(((String) json(refused.body()).get("message")).contains("cloudtrail:LookupEvents"));

        IAM.putUserPolicy(b -> b.userName(user).policyName("trail").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"cloudtrail:LookupEvents","Resource":"*"}]}"""));
        assertEquals(200, get("/api/v1/account/audit-events?limit=1", token).statusCode());
    }

    @Test
    void theSecurityStatusAgreesWithTheAccountSummary() {
        String token = token(adminAccessKeyId(), adminSecret());

        HttpResponse<String> response = get("/api/v1/account/security-status", token);

        assertEquals(200, response.statusCode(), response.body());
        Map<String, Object> status = json(response.body());
        Map<SummaryKeyType, Integer> summary = IAM.getAccountSummary().summaryMap();
        assertEquals(summary.get(SummaryKeyType.ACCOUNT_ACCESS_KEYS_PRESENT) == 1, status.get("rootAccessKeysPresent"));
        assertEquals(true, status.get("iamUsersExist"));
        assertEquals(true, status.get("groupsInUse"), "the bootstrap admin is in Administrators");
        assertEquals(false, status.get("rootMfaActive"));
        boolean policySet;
        try {
            IAM.getAccountPasswordPolicy();
            policySet = true;
        } catch (NoSuchEntityException e) {
            policySet = false;
        }
        assertEquals(policySet, status.get("passwordPolicySet"));
    }
}
