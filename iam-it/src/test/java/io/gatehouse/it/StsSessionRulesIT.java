package io.gatehouse.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;
import software.amazon.awssdk.services.sts.model.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of role sessions through the AWS SDK: an external id across accounts, role chaining's
 * one-hour cap, session policies narrowing a session, session tags as principal tags (and the trust
 * policy's sts:TagSession), source identity, and malformed session policies.
 */
class StsSessionRulesIT extends GatehouseServer {

    private static final IamClient ADMIN = admin();
    private static final AwsCredentials ADMIN_KEYS = AwsBasicCredentials.create(adminAccessKeyId(), adminSecret());

    @AfterAll
    static void close() {
        ADMIN.close();
    }

    private static String account() {
        return StsApiIT.sts(ADMIN_KEYS).getCallerIdentity().account();
    }

    private static AwsCredentials user(IamClient iam, String name, String policy) {
        iam.createUser(b -> b.userName(name));
        if (policy != null) {
            iam.putUserPolicy(b -> b.userName(name).policyName("p").policyDocument(policy));
        }
        AccessKey key = iam.createAccessKey(b -> b.userName(name)).accessKey();
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    private static String role(IamClient iam, String name, String trust) {
        return iam.createRole(b -> b.roleName(name).maxSessionDuration(43200).assumeRolePolicyDocument(trust)).role().arn();
    }

    @Test
    void aVendorInAnotherAccountNeedsTheAgreedExternalId() {
        String vendorAccount = createAccount("Vendor");
        String roleArn = role(ADMIN, unique("vendor-access"), """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},
                 "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"Unique-Id-4711"}}}]}"""
                .formatted(vendorAccount));
        AwsCredentials vendor = user(administer(vendorAccount), "integration", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}""");

        assertDenied(() -> StsApiIT.sts(vendor).assumeRole(b -> b.roleArn(roleArn).roleSessionName("v1")));
        assertDenied(() -> StsApiIT.sts(vendor).assumeRole(b -> b.roleArn(roleArn).roleSessionName("v1")
                .externalId("Wrong-Id-0000")));
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        assertEquals(null, ADMIN.getRole(b -> b.roleName(roleName)).role().roleLastUsed().lastUsedDate());
        AssumeRoleResponse assumed = StsApiIT.sts(vendor).assumeRole(b -> b.roleArn(roleArn).roleSessionName("v1")
                .externalId("Unique-Id-4711"));
        assertTrue(assumed.assumedRoleUser().arn().endsWith("/v1"));
        var lastUsed = ADMIN.getRole(b -> b.roleName(roleName)).role().roleLastUsed();
        assertEquals("us-east-1", lastUsed.region());
        assertTrue(Duration.between(lastUsed.lastUsedDate(), Instant.now()).abs().toMinutes() < 2, lastUsed.toString());
    }

    @Test
    void roleChainingIsCappedAtOneHour() {
        String user = unique("chainer");
        AwsCredentials keys = user(ADMIN, user, """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}""");
        String trust = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},"Action":"sts:AssumeRole"}]}"""
                .formatted(account());
        String first = role(ADMIN, unique("first"), trust);
        String second = role(ADMIN, unique("second"), trust);
        ADMIN.putRolePolicy(b -> b.roleName(first.substring(first.lastIndexOf('/') + 1)).policyName("chain")
                .policyDocument("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"""));

        Instant before = Instant.now();
        Credentials long12h = StsApiIT.sts(keys).assumeRole(b -> b.roleArn(first).roleSessionName("s1")
                .durationSeconds(43200)).credentials();
        assertTrue(Duration.between(before, long12h.expiration()).toHours() >= 11);

        StsException capped = assertThrows(StsException.class, () -> StsApiIT.sts(StsApiIT.session(long12h))
                .assumeRole(b -> b.roleArn(second).roleSessionName("s2").durationSeconds(7200)));
        assertEquals("ValidationError", capped.awsErrorDetails().errorCode());
        assertTrue(capped.awsErrorDetails().errorMessage().contains("role chaining"));
        Credentials chained = StsApiIT.sts(StsApiIT.session(long12h)).assumeRole(b -> b.roleArn(second)
                .roleSessionName("s2")).credentials();
        assertTrue(Duration.between(Instant.now(), chained.expiration()).compareTo(Duration.ofMinutes(61)) < 0);
    }

    @Test
    void aSessionPolicyNarrowsWhatTheRoleMayDo() {
        String user = unique("narrow");
        AwsCredentials keys = user(ADMIN, user, null);
        String roleName = unique("wide");
        String roleArn = role(ADMIN, roleName, """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:user/%s"},"Action":"sts:AssumeRole"}]}"""
                .formatted(account(), user));
        ADMIN.attachRolePolicy(b -> b.roleName(roleName).policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));

        AssumeRoleResponse narrowed = StsApiIT.sts(keys).assumeRole(b -> b.roleArn(roleArn).roleSessionName("n1")
                .policy("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListUsers","Resource":"*"}]}"""));
        IamClient session = StsApiIT.iam(StsApiIT.session(narrowed.credentials()));

        assertTrue(narrowed.packedPolicySize() > 0);
        assertTrue(session.listUsers().hasUsers());
        IamException denied = assertThrows(IamException.class, () -> session.listRoles());
        assertTrue(denied.getMessage().contains("session policy"), denied.getMessage());

        StsException malformed = assertThrows(StsException.class, () -> StsApiIT.sts(keys).assumeRole(b -> b
                .roleArn(roleArn).roleSessionName("n2").policy("{\"Statement\":[")));
        assertEquals("MalformedPolicyDocument", malformed.awsErrorDetails().errorCode());
    }

    @Test
    void sessionTagsNeedTagSessionAndBecomePrincipalTags() {
        String user = unique("tagger");
        AwsCredentials keys = user(ADMIN, user, null);
        String principal = "arn:aws:iam::%s:user/%s".formatted(account(), user);
        String untaggable = role(ADMIN, unique("plain"), """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},"Action":"sts:AssumeRole"}]}"""
                .formatted(principal));
        assertDenied(() -> StsApiIT.sts(keys).assumeRole(b -> b.roleArn(untaggable).roleSessionName("t1")
                .tags(Tag.builder().key("team").value("blue").build())));

        String roleName = unique("tagged");
        String taggable = role(ADMIN, roleName, """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},
                 "Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]}]}""".formatted(principal));
        ADMIN.putRolePolicy(b -> b.roleName(roleName).policyName("by-tag").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListUsers","Resource":"*",
                 "Condition":{"StringEquals":{"aws:PrincipalTag/team":"blue"}}}]}"""));

        AssumeRoleResponse blue = StsApiIT.sts(keys).assumeRole(b -> b.roleArn(taggable).roleSessionName("t2")
                .tags(Tag.builder().key("team").value("blue").build()).sourceIdentity("alice"));
        AssumeRoleResponse red = StsApiIT.sts(keys).assumeRole(b -> b.roleArn(taggable).roleSessionName("t3")
                .tags(Tag.builder().key("team").value("red").build()));

        assertEquals("alice", blue.sourceIdentity());
        assertTrue(StsApiIT.iam(StsApiIT.session(blue.credentials())).listUsers().hasUsers());
        assertThrows(IamException.class, () -> StsApiIT.iam(StsApiIT.session(red.credentials())).listUsers());
    }

    private static void assertDenied(org.junit.jupiter.api.function.Executable call) {
        StsException e = assertThrows(StsException.class, call);
        assertEquals("AccessDenied", e.awsErrorDetails().errorCode(), e.getMessage());
    }

    private static String createAccount(String name) {
        OrganizationsCalls organizations = new OrganizationsCalls(endpoint(), ADMIN_KEYS);
        Map<String, Object> created = organizations.ok("CreateAccount", Map.of("AccountName", name,
                "Email", name.toLowerCase() + "+" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com"));
        return (String) OrganizationsCalls.object(created, "CreateAccountStatus").get("AccountId");
    }

    private static IamClient administer(String account) {
        Credentials session = StsApiIT.sts(ADMIN_KEYS).assumeRole(b -> b
                .roleArn("arn:aws:iam::" + account + ":role/OrganizationAccountAccessRole")
                .roleSessionName("setup")).credentials();
        return StsApiIT.iam(StsApiIT.session(session));
    }
}
