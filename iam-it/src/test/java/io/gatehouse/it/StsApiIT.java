package io.gatehouse.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** STS through the AWS SDK: who may get which temporary credentials, and what those credentials may do. */
class StsApiIT extends GatehouseServer {

    private static final IamClient IAM = admin();
    private static final String LIST_USERS = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListUsers","Resource":"*"}]}""";

    @AfterAll
    static void close() {
        IAM.close();
    }

    static StsClient sts(AwsCredentials credentials) {
        return StsClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.doNotRetry()).build())
                .build();
    }

    static IamClient iam(AwsCredentials credentials) {
        return IamClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.doNotRetry()).build())
                .build();
    }

    static AwsSessionCredentials session(Credentials credentials) {
        return AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken());
    }

    /** A new user with an access key, and optionally an inline policy. */
    private static AwsBasicCredentials givenUser(String name, String policy) {
        IAM.createUser(b -> b.userName(name));
        if (policy != null) {
            IAM.putUserPolicy(b -> b.userName(name).policyName("p").policyDocument(policy));
        }
        AccessKey key = IAM.createAccessKey(b -> b.userName(name)).accessKey();
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    private static String givenRole(String name, String trustedPrincipal) {
        return IAM.createRole(b -> b.roleName(name).assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},"Action":"sts:AssumeRole"}]}
                """.formatted(trustedPrincipal))).role().arn();
    }

    private static String account() {
        return sts(AwsBasicCredentials.create(adminAccessKeyId(), adminSecret()))
                .getCallerIdentity().account();
    }

    @Test
    void getCallerIdentityDescribesTheSigningUser() {
        GetCallerIdentityResponse identity = sts(AwsBasicCredentials.create(
                adminAccessKeyId(), adminSecret())).getCallerIdentity();

        assertTrue(identity.account().matches("\\d{12}"), identity.account());
        assertEquals("arn:aws:iam::" + identity.account() + ":user/admin", identity.arn());
        assertTrue(identity.userId().startsWith("AIDA"), identity.userId());
    }

    @Test
    void aUserNamedInTheTrustPolicyAssumesTheRoleAndTheSessionKnowsItself() {
        String user = unique("alice");
        var keys = givenUser(user, null);
        String account = account();
        String roleName = unique("deploy");
        String roleArn = givenRole(roleName, "arn:aws:iam::" + account + ":user/" + user);
        Instant before = Instant.now();

        AssumeRoleResponse assumed = sts(keys).assumeRole(b -> b.roleArn(roleArn).roleSessionName("ci-run"));

        assertTrue(assumed.credentials().accessKeyId().startsWith("ASIA"));
        assertEquals(40, assumed.credentials().secretAccessKey().length());
        Duration lifetime = Duration.between(before, assumed.credentials().expiration());
        assertTrue(lifetime.compareTo(Duration.ofMinutes(59)) > 0 && lifetime.compareTo(Duration.ofMinutes(61)) < 0,
                lifetime.toString());
        String sessionArn = "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/ci-run";
        assertEquals(sessionArn, assumed.assumedRoleUser().arn());
        assertTrue(assumed.assumedRoleUser().assumedRoleId().matches("AROA[A-Z0-9]+:ci-run"),
                assumed.assumedRoleUser().assumedRoleId());

        GetCallerIdentityResponse identity = sts(session(assumed.credentials())).getCallerIdentity();
        assertEquals(sessionArn, identity.arn());
        assertEquals(assumed.assumedRoleUser().assumedRoleId(), identity.userId());
        assertEquals(account, identity.account());
    }

    @Test
    void aRoleSessionWithoutPoliciesIsRefusedInTheRolesName() {
        String user = unique("bob");
        var keys = givenUser(user, null);
        String roleName = unique("empty");
        String roleArn = givenRole(roleName, "arn:aws:iam::" + account() + ":user/" + user);
        Credentials credentials = sts(keys).assumeRole(b -> b.roleArn(roleArn).roleSessionName("s1")).credentials();

        IamException denied = assertThrows(IamException.class, () -> iam(session(credentials)).listUsers());

        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
        assertTrue(denied.getMessage().contains(":assumed-role/" + roleName + "/s1 is not authorized to perform: iam:ListUsers"),
                denied.getMessage());
    }

    @Test
    void changesToARoleReachItsSessionsAndItsTrustAtOnce() {
        String user = unique("carol");
        var keys = givenUser(user, null);
        String roleName = unique("evolving");
        String roleArn = givenRole(roleName, "arn:aws:iam::" + account() + ":user/" + user);
        Credentials credentials = sts(keys).assumeRole(b -> b.roleArn(roleArn).roleSessionName("s1")).credentials();
        try (IamClient session = iam(session(credentials))) {
            assertThrows(IamException.class, session::listUsers);

            IAM.putRolePolicy(b -> b.roleName(roleName).policyName("list").policyDocument("""
                    {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListUsers","Resource":"*"}]}"""));
            assertTrue(session.listUsers().hasUsers(), "the new role policy applies to the existing session");

            IAM.deleteRolePolicy(b -> b.roleName(roleName).policyName("list"));
            assertThrows(IamException.class, session::listUsers);
        }

        IAM.updateAssumeRolePolicy(b -> b.roleName(roleName).policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}"""));
        assertThrows(StsException.class,
                () -> sts(keys).assumeRole(b -> b.roleArn(roleArn).roleSessionName("s2")));
    }

    @Test
    void aTrustPolicyNamingTheAccountNeedsTheCallersOwnPermission() {
        String user = unique("carol");
        var keys = givenUser(user, null);
        String roleArn = givenRole(unique("team"), "arn:aws:iam::" + account() + ":root");

        StsException refused = assertThrows(StsException.class,
                () -> sts(keys).assumeRole(b -> b.roleArn(roleArn).roleSessionName("s1")));
        assertEquals("AccessDenied", refused.awsErrorDetails().errorCode());
        assertEquals(403, refused.statusCode());

        IAM.putUserPolicy(b -> b.userName(user).policyName("assume").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"%s"}]}
                """.formatted(roleArn)));
        assertTrue(sts(keys).assumeRole(b -> b.roleArn(roleArn).roleSessionName("s1")).credentials()
                .accessKeyId().startsWith("ASIA"));
    }

    @Test
    void anUnknownRoleIsRefusedLikeAForbiddenOne() {
        var keys = givenUser(unique("dave"), """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}""");

        StsException refused = assertThrows(StsException.class, () -> sts(keys).assumeRole(b -> b
                .roleArn("arn:aws:iam::" + account() + ":role/" + unique("missing")).roleSessionName("s1")));

        assertEquals("AccessDenied", refused.awsErrorDetails().errorCode());
    }

    @Test
    void requestParametersAreValidatedAsAwsDoes() {
        var keys = givenUser(unique("erin"), null);
        String roleArn = givenRole(unique("r"), "arn:aws:iam::" + account() + ":root");

        StsException shortName = assertThrows(StsException.class,
                () -> sts(keys).assumeRole(b -> b.roleArn(roleArn).roleSessionName("x")));
        assertEquals("ValidationError", shortName.awsErrorDetails().errorCode());
        StsException tooShort = assertThrows(StsException.class,
                () -> sts(keys).assumeRole(b -> b.roleArn(roleArn).roleSessionName("s1").durationSeconds(100)));
        assertEquals("ValidationError", tooShort.awsErrorDetails().errorCode());
    }

    @Test
    void aTamperedOrMismatchedSessionTokenIsInvalid() {
        Credentials credentials = sts(givenUser(unique("frank"), null)).getSessionToken().credentials();
        String token = credentials.sessionToken();
        String tampered = token.substring(0, token.length() - 6) + (token.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");

        StsException bad = assertThrows(StsException.class, () -> sts(AwsSessionCredentials.create(
                credentials.accessKeyId(), credentials.secretAccessKey(), tampered)).getCallerIdentity());
        assertEquals("InvalidClientTokenId", bad.awsErrorDetails().errorCode());

        Credentials other = sts(givenUser(unique("gina"), null)).getSessionToken().credentials();
        StsException mismatched = assertThrows(StsException.class, () -> sts(AwsSessionCredentials.create(
                other.accessKeyId(), other.secretAccessKey(), token)).getCallerIdentity());
        assertEquals("InvalidClientTokenId", mismatched.awsErrorDetails().errorCode());

        StsException wrongSecret = assertThrows(StsException.class, () -> sts(AwsSessionCredentials.create(
                credentials.accessKeyId(), other.secretAccessKey(), token)).getCallerIdentity());
        assertEquals("SignatureDoesNotMatch", wrongSecret.awsErrorDetails().errorCode());
    }

    @Test
    void aUsersSessionTokenActsWithTheUsersPermissionsButCannotMakeAnother() {
        String user = unique("hank");
        var keys = givenUser(user, LIST_USERS);
        Credentials credentials = sts(keys).getSessionToken().credentials();

        assertTrue(iam(session(credentials)).listUsers().users().stream().anyMatch(u -> u.userName().equals(user)));
        assertThrows(IamException.class, () -> iam(session(credentials)).createUser(b -> b.userName(unique("x"))));
        assertEquals("arn:aws:iam::" + account() + ":user/" + user,
                sts(session(credentials)).getCallerIdentity().arn());

        StsException again = assertThrows(StsException.class, () -> sts(session(credentials)).getSessionToken());
        assertEquals("AccessDenied", again.awsErrorDetails().errorCode());
    }

    @Test
    void mfaProtectedApiAccessNeedsASessionTokenObtainedWithMfa() {
        String user = unique("ivy");
        var keys = givenUser(user, """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListUsers","Resource":"*",
                 "Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}""");
        Authenticator phone = Authenticator.create(IAM, unique("phone"));
        long step = phone.enableWithPastCodes(IAM, user);

        assertThrows(IamException.class, () -> iam(keys).listUsers());
        Credentials withoutMfa = sts(keys).getSessionToken().credentials();
        assertThrows(IamException.class, () -> iam(session(withoutMfa)).listUsers());

        StsException wrongCode = assertThrows(StsException.class, () -> sts(keys).getSessionToken(b -> b
                .serialNumber(phone.serialNumber()).tokenCode(phone.code(step - 1))));
        assertEquals("AccessDenied", wrongCode.awsErrorDetails().errorCode());

        Credentials withMfa = sts(keys).getSessionToken(b -> b.serialNumber(phone.serialNumber())
                .tokenCode(phone.code(step + 1))).credentials();
        assertTrue(iam(session(withMfa)).listUsers().users().stream().anyMatch(u -> u.userName().equals(user)));
    }

    @Test
    void sessionsIssuedBeforeARevocationDenyStopWorking() {
        String user = unique("jack");
        var keys = givenUser(user, LIST_USERS);
        Credentials old = sts(keys).getSessionToken().credentials();
        assertTrue(iam(session(old)).listUsers().hasUsers());

        // AWS's "revoke active sessions": deny everything to tokens issued before now.
        String cutoff = java.time.format.DateTimeFormatter.ISO_INSTANT.format(
                Instant.now().plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        IAM.putUserPolicy(b -> b.userName(user).policyName("revoke").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*",
                 "Condition":{"DateLessThan":{"aws:TokenIssueTime":"%s"}}}]}""".formatted(cutoff)));

        IamException revoked = assertThrows(IamException.class, () -> iam(session(old)).listUsers());
        assertTrue(revoked.getMessage().contains("explicit deny"), revoked.getMessage());
        assertTrue(iam(keys).listUsers().hasUsers(), "long-term keys carry no token issue time");
    }

    @Test
    void aFederatedUserHasOnlyWhatBothTheUserAndTheSessionPolicyAllow() {
        String user = unique("kate");
        var keys = givenUser(user, """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sts:GetFederationToken","iam:ListUsers","iam:ListGroups"],"Resource":"*"}]}""");
        String onlyUsers = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:ListUsers","iam:CreateUser"],"Resource":"*"}]}""";

        var federated = sts(keys).getFederationToken(b -> b.name("partner").policy(onlyUsers));
        Credentials credentials = federated.credentials();

        assertEquals("arn:aws:sts::" + account() + ":federated-user/partner", federated.federatedUser().arn());
        assertTrue(federated.packedPolicySize() > 0);
        assertTrue(iam(session(credentials)).listUsers().hasUsers());
        assertThrows(IamException.class, () -> iam(session(credentials)).listGroups());
        assertThrows(IamException.class, () -> iam(session(credentials)).createUser(b -> b.userName(unique("x"))));

        Credentials noPolicy = sts(keys).getFederationToken(b -> b.name("nobody")).credentials();
        assertThrows(IamException.class, () -> iam(session(noPolicy)).listUsers());
    }

    @Test
    void aMalformedSessionPolicyIsNamedAsSuch() {
        var keys = givenUser(unique("liam"), """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:GetFederationToken","Resource":"*"}]}""");

        StsException malformed = assertThrows(StsException.class,
                () -> sts(keys).getFederationToken(b -> b.name("partner").policy("{\"Statement\":[")));

        assertEquals("MalformedPolicyDocument", malformed.awsErrorDetails().errorCode());
    }
}
