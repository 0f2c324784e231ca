package io.gatehouse.it;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRootResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Centralized root access, end to end with the AWS SDK: the management account's administrator
 * assumes a member account's root for one task, sets the root's password, and the root user signs
 * in with its e-mail.
 */
class RootAccessIT extends GatehouseServer {

    private static final AwsCredentials ADMIN_KEYS = AwsBasicCredentials.create(adminAccessKeyId(), adminSecret());
    private static final String TASKS = "arn:aws:iam::aws:policy/root-task/";
    private static final String PASSWORD = "Root-task-Passw0rd!";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record Member(String account, String email) {
    }

    private static Member createAccount() {
        OrganizationsCalls organizations = new OrganizationsCalls(endpoint(), ADMIN_KEYS);
        String email = "root+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Map<String, Object> created = organizations.ok("CreateAccount", Map.of("AccountName", "Rooted", "Email", email));
        String requestId = (String) OrganizationsCalls.object(created, "CreateAccountStatus").get("Id");
        Map<String, Object> status = OrganizationsCalls.object(organizations.ok("DescribeCreateAccountStatus",
                Map.of("CreateAccountRequestId", requestId)), "CreateAccountStatus");
        assertEquals("SUCCEEDED", status.get("State"));
        return new Member((String) status.get("AccountId"), email);
    }

    private static Credentials assumeRoot(AwsCredentials caller, String account, String task) {
        try (StsClient sts = StsApiIT.sts(caller)) {
            return sts.assumeRoot(b -> b.targetPrincipal(account).taskPolicyArn(p -> p.arn(TASKS + task))).credentials();
        }
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

    private static HttpResponse<String> rootSignIn(String email, String password) {
        return send(HttpRequest.newBuilder(endpoint().resolve("/api/v1/sessions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")).build());
    }

    private static Map<String, Object> json(String body) {
        try {
            return JSONObjectUtils.parse(body);
        } catch (java.text.ParseException e) {
            throw new AssertionError("not a JSON object: " + body, e);
        }
    }

    @Test
    void theManagementAdministratorSetsAMemberRootPasswordAndTheRootSignsInWithItsEmail() {
        Member member = createAccount();
        Instant before = Instant.now();
        Credentials task = assumeRoot(ADMIN_KEYS, member.account(), "IAMCreateRootUserPassword");
        assertTrue(task.accessKeyId().startsWith("ASIA"), task.accessKeyId());
        assertTrue(task.expiration().isBefore(before.plus(Duration.ofMinutes(16))), task.expiration().toString());
        try (StsClient asRoot = StsApiIT.sts(StsApiIT.session(task));
             IamClient iam = StsApiIT.iam(StsApiIT.session(task))) {
            assertEquals("arn:aws:iam::" + member.account() + ":root", asRoot.getCallerIdentity().arn());

            iam.createLoginProfile(b -> b.password(PASSWORD));
            assertTrue(iam.getLoginProfile(b -> { }).loginProfile().createDate().isAfter(before.minusSeconds(5)));
        }

        HttpResponse<String> signedIn = rootSignIn(member.email().toUpperCase(), PASSWORD);
        assertEquals(200, signedIn.statusCode(), signedIn.body());
        String token = (String) json(signedIn.body()).get("token");
        HttpResponse<String> caller = send(HttpRequest.newBuilder(endpoint().resolve("/api/v1/caller"))
                .header("Authorization", "Bearer " + token).GET().build());
        assertEquals(200, caller.statusCode(), caller.body());
        assertEquals("arn:aws:iam::" + member.account() + ":root", json(caller.body()).get("arn"));
    }

    @Test
    void aWrongRootPasswordAndAnUnknownEmailReadTheSame() {
        Member member = createAccount();
        HttpResponse<String> noPasswordYet = rootSignIn(member.email(), PASSWORD);
        HttpResponse<String> unknown = rootSignIn("nobody+" + UUID.randomUUID() + "@example.com", PASSWORD);

        assertEquals(403, noPasswordYet.statusCode(), noPasswordYet.body());
        assertEquals(noPasswordYet.body(), unknown.body());
        assertTrue(noPasswordYet.body().contains("Your authentication information is incorrect."), noPasswordYet.body());
    }

    @Test
    void aTaskSessionMayOnlyDoWhatItsTaskPolicyAllows() {
        Member member = createAccount();
        Credentials audit = assumeRoot(ADMIN_KEYS, member.account(), "IAMAuditRootUserCredentials");
        try (IamClient iam = StsApiIT.iam(StsApiIT.session(audit))) {
            IamException outside = assertThrows(IamException.class, () -> iam.createUser(b -> b.userName("intruder")));
            assertEquals("AccessDenied", outside.awsErrorDetails().errorCode());
            IamException noPassword = assertThrows(IamException.class, () -> iam.createLoginProfile(b -> b.password(PASSWORD)));
            assertEquals("AccessDenied", noPassword.awsErrorDetails().errorCode());
        }
    }

    @Test
    void aMemberAccountPrincipalMayNotAssumeRoot() {
        Member member = createAccount();
        Credentials memberAdmin = StsApiIT.sts(ADMIN_KEYS).assumeRole(b -> b
                .roleArn("arn:aws:iam::" + member.account() + ":role/OrganizationAccountAccessRole")
                .roleSessionName("member-admin")).credentials();

        StsException denied = assertThrows(StsException.class,
                () -> assumeRoot(StsApiIT.session(memberAdmin), member.account(), "IAMAuditRootUserCredentials"));
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
    }

    @Test
    void theManagementAccountsOwnRootIsNotAssumable() {
        String management;
        try (StsClient sts = StsApiIT.sts(ADMIN_KEYS)) {
            management = sts.getCallerIdentity().account();
        }
        String account = management;
        StsException denied = assertThrows(StsException.class,
                () -> assumeRoot(ADMIN_KEYS, account, "IAMAuditRootUserCredentials"));
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
    }

    @Test
    void aRootTaskSessionLastsAtMostFifteenMinutes() {
        Member member = createAccount();
        try (StsClient sts = StsApiIT.sts(ADMIN_KEYS)) {
            StsException tooLong = assertThrows(StsException.class, () -> sts.assumeRoot(b -> b
                    .targetPrincipal(member.account()).durationSeconds(901)
                    .taskPolicyArn(p -> p.arn(TASKS + "IAMAuditRootUserCredentials"))));
            assertEquals("ValidationError", tooLong.awsErrorDetails().errorCode());

            AssumeRootResponse shortest = sts.assumeRoot(b -> b.targetPrincipal(member.account()).durationSeconds(900)
                    .taskPolicyArn(p -> p.arn(TASKS + "IAMAuditRootUserCredentials")));
            assertTrue(shortest.credentials().sessionToken().length() > 20);
        }
    }
}
