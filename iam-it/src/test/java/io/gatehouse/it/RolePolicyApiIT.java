package io.gatehouse.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PolicyUsageType;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A role's inline and attached policies and its permissions boundary, and what its sessions may then do. */
class RolePolicyApiIT extends GatehouseServer {

    private static final IamClient IAM = admin();
    private static final String LIST_USERS = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListUsers","Resource":"*"}]}""";
    private static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    private static final String IAM_READ_ONLY = "arn:aws:iam::aws:policy/IAMReadOnlyAccess";

    @AfterAll
    static void close() {
        IAM.close();
    }

    private static String givenRole(String name) {
        return IAM.createRole(b -> b.roleName(name).assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}
                """)).role().arn();
    }

    @Test
    void putGetListAndDeleteARolePolicy() {
        String role = unique("reader");
        givenRole(role);

        IAM.putRolePolicy(b -> b.roleName(role).policyName("ListUsers").policyDocument(LIST_USERS));

        var got = IAM.getRolePolicy(b -> b.roleName(role).policyName("listusers"));
        assertEquals(role, got.roleName());
        assertEquals(LIST_USERS, URLDecoder.decode(got.policyDocument(), StandardCharsets.UTF_8));
        assertEquals(List.of("ListUsers"), IAM.listRolePolicies(b -> b.roleName(role)).policyNames());
        DeleteConflictException conflict = assertThrows(DeleteConflictException.class,
                () -> IAM.deleteRole(b -> b.roleName(role)));
        assertEquals("Cannot delete entity, must delete policies first.", conflict.awsErrorDetails().errorMessage());
        IAM.deleteRolePolicy(b -> b.roleName(role).policyName("ListUsers"));
        assertEquals(List.of(), IAM.listRolePolicies(b -> b.roleName(role)).policyNames());
        IAM.deleteRole(b -> b.roleName(role));
    }

    @Test
    void roleInlinePoliciesTogetherAreLimitedTo10240Characters() {
        String role = unique("big");
        givenRole(role);
        String big = policyOfSize(6000, "a");
        IAM.putRolePolicy(b -> b.roleName(role).policyName("one").policyDocument(big));

        assertThrows(LimitExceededException.class,
                () -> IAM.putRolePolicy(b -> b.roleName(role).policyName("two").policyDocument(policyOfSize(6000, "b"))));
        // Replacing a policy counts it once: its old version is not added to the new.
        IAM.putRolePolicy(b -> b.roleName(role).policyName("ONE").policyDocument(policyOfSize(9000, "c")));
    }

    /** A valid policy of about {@code characters} non-blank characters, the padding in its Sid. */
    private static String policyOfSize(int characters, String letter) {
        String head = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"";
        String tail = "\",\"Effect\":\"Allow\",\"Action\":\"iam:ListUsers\",\"Resource\":\"*\"}]}";
        return head + letter.repeat(characters - head.length() - tail.length()) + tail;
    }

    @Test
    void aMalformedRolePolicyIsRefusedWithItsPosition() {
        String role = unique("bad");
        givenRole(role);

        MalformedPolicyDocumentException e = assertThrows(MalformedPolicyDocumentException.class,
                () -> IAM.putRolePolicy(b -> b.roleName(role).policyName("p").policyDocument("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListUsers"}]}""")));
        assertTrue(e.awsErrorDetails().errorMessage().toLowerCase().contains("line"), e.awsErrorDetails().errorMessage());
    }

    @Test
    void attachDetachAndListManagedRolePolicies() {
        String role = unique("managed");
        givenRole(role);

        IAM.attachRolePolicy(b -> b.roleName(role).policyArn(READ_ONLY));
        IAM.attachRolePolicy(b -> b.roleName(role).policyArn(IAM_READ_ONLY));

        List<AttachedPolicy> attached = IAM.listAttachedRolePolicies(b -> b.roleName(role)).attachedPolicies();
        assertEquals(List.of("IAMReadOnlyAccess", "ReadOnlyAccess"), attached.stream().map(AttachedPolicy::policyName).toList());
        ListEntitiesForPolicyResponse entities = IAM.listEntitiesForPolicy(b -> b.policyArn(IAM_READ_ONLY)
                .entityFilter(EntityType.ROLE));
        assertTrue(entities.policyRoles().stream().anyMatch(r -> r.roleName().equals(role)));
        assertEquals(List.of(), entities.policyUsers());
        DeleteConflictException conflict = assertThrows(DeleteConflictException.class,
                () -> IAM.deleteRole(b -> b.roleName(role)));
        assertEquals("Cannot delete entity, must detach all policies first.", conflict.awsErrorDetails().errorMessage());

        IAM.detachRolePolicy(b -> b.roleName(role).policyArn(READ_ONLY));
        IAM.detachRolePolicy(b -> b.roleName(role).policyArn(IAM_READ_ONLY));
        assertThrows(NoSuchEntityException.class, () -> IAM.detachRolePolicy(b -> b.roleName(role).policyArn(READ_ONLY)));
        IAM.deleteRole(b -> b.roleName(role));
    }

    @Test
    void aRoleTakesAtMostTenManagedPolicies() {
        String role = unique("many");
        givenRole(role);
        List<String> arns = List.of("AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess", "IAMFullAccess",
                "IAMReadOnlyAccess", "IAMUserChangePassword", "AmazonS3ReadOnlyAccess", "AmazonDynamoDBReadOnlyAccess");
        List<String> customer = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = unique("p" + i);
            customer.add(IAM.createPolicy(b -> b.policyName(name).policyDocument(LIST_USERS)).policy().arn());
        }
        for (String name : arns) {
            IAM.attachRolePolicy(b -> b.roleName(role).policyArn("arn:aws:iam::aws:policy/" + name));
        }
        IAM.attachRolePolicy(b -> b.roleName(role).policyArn(customer.get(0)));
        IAM.attachRolePolicy(b -> b.roleName(role).policyArn(customer.get(1)));

        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> IAM.attachRolePolicy(b -> b.roleName(role).policyArn(customer.get(2))));
        assertTrue(e.awsErrorDetails().errorMessage().contains("PoliciesPerRole"), e.awsErrorDetails().errorMessage());
        assertThrows(DeleteConflictException.class, () -> IAM.deletePolicy(b -> b.policyArn(customer.get(0))));
    }

    @Test
    void aRolePermissionsBoundaryIsShownCountedAndRemovable() {
        String role = unique("bounded");
        IAM.createRole(b -> b.roleName(role).permissionsBoundary(IAM_READ_ONLY).assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));

        Role got = IAM.getRole(b -> b.roleName(role)).role();
        assertEquals(IAM_READ_ONLY, got.permissionsBoundary().permissionsBoundaryArn());
        assertTrue(IAM.listEntitiesForPolicy(b -> b.policyArn(IAM_READ_ONLY)
                        .policyUsageFilter(PolicyUsageType.PERMISSIONS_BOUNDARY))
                .policyRoles().stream().anyMatch(r -> r.roleName().equals(role)));
        assertTrue(IAM.listEntitiesForPolicy(b -> b.policyArn(IAM_READ_ONLY)
                        .policyUsageFilter(PolicyUsageType.PERMISSIONS_POLICY))
                .policyRoles().stream().noneMatch(r -> r.roleName().equals(role)));

        IAM.putRolePermissionsBoundary(b -> b.roleName(role).permissionsBoundary(READ_ONLY));
        assertEquals(READ_ONLY, IAM.getRole(b -> b.roleName(role)).role().permissionsBoundary().permissionsBoundaryArn());
        IAM.deleteRolePermissionsBoundary(b -> b.roleName(role));
        assertNull(IAM.getRole(b -> b.roleName(role)).role().permissionsBoundary());
        assertThrows(NoSuchEntityException.class, () -> IAM.deleteRolePermissionsBoundary(b -> b.roleName(role)));
        assertThrows(NoSuchEntityException.class, () -> IAM.putRolePermissionsBoundary(b -> b.roleName(role)
                .permissionsBoundary("arn:aws:iam::aws:policy/NoSuchPolicy")));
    }

    @Test
    void aRoleSessionMayDoWhatTheRolesPoliciesAllowWithinItsBoundary() {
        String user = unique("assumer");
        IAM.createUser(b -> b.userName(user));
        AccessKey key = IAM.createAccessKey(b -> b.userName(user)).accessKey();
        String account = IAM.getUser().user().arn().split(":")[4];
        String role = unique("operator");
        String roleArn = IAM.createRole(b -> b.roleName(role).assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:user/%s"},"Action":"sts:AssumeRole"}]}
                """.formatted(account, user))).role().arn();
        IAM.attachRolePolicy(b -> b.roleName(role).policyArn("arn:aws:iam::aws:policy/IAMFullAccess"));
        IAM.putRolePolicy(b -> b.roleName(role).policyName("deny-delete").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:DeleteUser","Resource":"*"}]}"""));
        IAM.putRolePermissionsBoundary(b -> b.roleName(role).permissionsBoundary(IAM_READ_ONLY));
        Credentials session = StsApiIT.sts(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))
                .assumeRole(b -> b.roleArn(roleArn).roleSessionName("ops")).credentials();
        IamClient asRole = StsApiIT.iam(StsApiIT.session(session));

        assertTrue(asRole.listUsers().users().stream().anyMatch(u -> u.userName().equals(user)));
        IamException capped = assertThrows(IamException.class, () -> asRole.createUser(b -> b.userName(unique("x"))));
        assertTrue(capped.getMessage().contains("permissions boundary"), capped.getMessage());

        IAM.deleteRolePermissionsBoundary(b -> b.roleName(role));
        String created = unique("made-by-role");
        asRole.createUser(b -> b.userName(created));
        IamException denied = assertThrows(IamException.class, () -> asRole.deleteUser(b -> b.userName(created)));
        assertTrue(denied.getMessage().contains("explicit deny"), denied.getMessage());
    }

    @Test
    void aReadOnlyUserListsButCannotChangeRolePolicies() {
        String role = unique("guarded");
        givenRole(role);
        String user = unique("auditor");
        IAM.createUser(b -> b.userName(user));
        IAM.attachUserPolicy(b -> b.userName(user).policyArn(IAM_READ_ONLY));
        AccessKey key = IAM.createAccessKey(b -> b.userName(user)).accessKey();
        IamClient auditor = iam(key.accessKeyId(), key.secretAccessKey());

        assertEquals(List.of(), auditor.listRolePolicies(b -> b.roleName(role)).policyNames());
        assertEquals(List.of(), auditor.listAttachedRolePolicies(b -> b.roleName(role)).attachedPolicies());
        assertThrows(IamException.class, () -> auditor.putRolePolicy(b -> b.roleName(role).policyName("p")
                .policyDocument(LIST_USERS)));
        assertThrows(IamException.class, () -> auditor.attachRolePolicy(b -> b.roleName(role).policyArn(READ_ONLY)));
    }
}
