package io.gatehouse.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Managed policies: create, read, list, versions, attachments, quotas and conflicts. */
class ManagedPolicyApiIT extends GatehouseServer {

    private static final IamClient IAM = admin();
    static final String AWS_ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
    static final String AWS_IAM_READ_ONLY = "arn:aws:iam::aws:policy/IAMReadOnlyAccess";

    @AfterAll
    static void close() {
        IAM.close();
    }

    static Policy createPolicy(String name) {
        return IAM.createPolicy(b -> b.policyName(name).path("/team/").description("reads users")
                .policyDocument(InlinePolicyApiIT.READ_USERS)).policy();
    }

    @Test
    void createPolicyReturnsItsIdentity() {
        String name = unique("Readers");
        Policy policy = createPolicy(name);

        assertTrue(policy.policyId().matches("ANPA[A-Z0-9]{17}"), policy.policyId());
        assertEquals("arn:aws:iam::" + PolicyAuthorizationIT.account() + ":policy/team/" + name, policy.arn());
        assertEquals("v1", policy.defaultVersionId());
        assertEquals(0, policy.attachmentCount());
        assertEquals(0, policy.permissionsBoundaryUsageCount());
        assertTrue(policy.isAttachable());
        Policy got = IAM.getPolicy(b -> b.policyArn(policy.arn())).policy();
        assertEquals(policy.policyId(), got.policyId());
        assertEquals("reads users", got.description());
        PolicyVersion v1 = IAM.getPolicyVersion(b -> b.policyArn(policy.arn()).versionId("v1")).policyVersion();
        assertEquals(InlinePolicyApiIT.READ_USERS, URLDecoder.decode(v1.document(), StandardCharsets.UTF_8));
        assertTrue(v1.isDefaultVersion());
    }

    @Test
    void aDuplicateNameIsRefused() {
        String name = unique("Twice");
        createPolicy(name);

        assertEquals("EntityAlreadyExists", assertThrows(IamException.class, () -> createPolicy(name))
                .awsErrorDetails().errorCode());
    }

    @Test
    void aMalformedDocumentNamesItsPosition() {
        MalformedPolicyDocumentException e = assertThrows(MalformedPolicyDocumentException.class,
                () -> IAM.createPolicy(b -> b.policyName(unique("Bad")).policyDocument("""
                        {"Version":"2012-10-17",
                         "Statement":[{"Effect":"Permit","Action":"iam:GetUser","Resource":"*"}]}""")));
        assertTrue(e.awsErrorDetails().errorMessage().contains("line 2"), e.awsErrorDetails().errorMessage());
    }

    @Test
    void aDocumentOverTheManagedQuotaIsRefused() {
        assertThrows(LimitExceededException.class, () -> IAM.createPolicy(b -> b.policyName(unique("Huge"))
                .policyDocument(InlinePolicyApiIT.bigPolicy(6300))));
    }

    @Test
    void listsAwsAndLocalPoliciesByScope() {
        Policy local = createPolicy(unique("Listed"));

        List<String> aws = IAM.listPoliciesPaginator(b -> b.scope(PolicyScopeType.AWS)).policies().stream()
                .map(Policy::arn).toList();
        List<String> mine = IAM.listPoliciesPaginator(b -> b.scope(PolicyScopeType.LOCAL).pathPrefix("/team/"))
                .policies().stream().map(Policy::arn).toList();
        assertTrue(aws.contains(AWS_IAM_READ_ONLY), aws.toString());
        assertFalse(aws.contains(local.arn()));
        assertTrue(mine.contains(local.arn()));
        List<String> attached = IAM.listPolicies(b -> b.onlyAttached(true)).policies().stream().map(Policy::arn).toList();
        assertTrue(attached.contains(AWS_ADMIN), attached.toString());
        assertFalse(attached.contains(local.arn()));
    }

    @Test
    void versionsUpToFiveThenLimitExceeded() {
        Policy policy = createPolicy(unique("Versioned"));
        for (int i = 2; i <= 5; i++) {
            IAM.createPolicyVersion(b -> b.policyArn(policy.arn()).policyDocument(InlinePolicyApiIT.READ_USERS));
        }

        assertThrows(LimitExceededException.class, () -> IAM.createPolicyVersion(b -> b.policyArn(policy.arn())
                .policyDocument(InlinePolicyApiIT.READ_USERS)));
        assertEquals(List.of("v5", "v4", "v3", "v2", "v1"), IAM.listPolicyVersions(b -> b.policyArn(policy.arn()))
                .versions().stream().map(PolicyVersion::versionId).toList());
    }

    @Test
    void setAsDefaultAndDeletingVersions() {
        Policy policy = createPolicy(unique("Defaults"));
        PolicyVersion v2 = IAM.createPolicyVersion(b -> b.policyArn(policy.arn())
                .policyDocument(InlinePolicyApiIT.READ_USERS).setAsDefault(true)).policyVersion();
        assertEquals("v2", v2.versionId());
        assertEquals("v2", IAM.getPolicy(b -> b.policyArn(policy.arn())).policy().defaultVersionId());

        assertThrows(DeleteConflictException.class,
                () -> IAM.deletePolicyVersion(b -> b.policyArn(policy.arn()).versionId("v2")));
        IAM.setDefaultPolicyVersion(b -> b.policyArn(policy.arn()).versionId("v1"));
        assertThrows(DeleteConflictException.class, () -> IAM.deletePolicy(b -> b.policyArn(policy.arn())));
        IAM.deletePolicyVersion(b -> b.policyArn(policy.arn()).versionId("v2"));
        IAM.deletePolicy(b -> b.policyArn(policy.arn()));
        assertThrows(NoSuchEntityException.class, () -> IAM.getPolicy(b -> b.policyArn(policy.arn())));
    }

    @Test
    void versionNumbersAreNeverReused() {
        Policy policy = createPolicy(unique("Numbers"));
        IAM.createPolicyVersion(b -> b.policyArn(policy.arn()).policyDocument(InlinePolicyApiIT.READ_USERS));
        IAM.deletePolicyVersion(b -> b.policyArn(policy.arn()).versionId("v2"));

        assertEquals("v3", IAM.createPolicyVersion(b -> b.policyArn(policy.arn())
                .policyDocument(InlinePolicyApiIT.READ_USERS)).policyVersion().versionId());
    }

    @Test
    void attachListAndDetachForUsersAndGroups() {
        Policy policy = createPolicy(unique("Attached"));
        String user = unique("att-user");
        String group = unique("att-group");
        IAM.createUser(b -> b.userName(user));
        IAM.createGroup(b -> b.groupName(group));

        IAM.attachUserPolicy(b -> b.userName(user).policyArn(policy.arn()));
        IAM.attachGroupPolicy(b -> b.groupName(group).policyArn(policy.arn()));

        assertEquals(List.of(policy.arn()), IAM.listAttachedUserPolicies(b -> b.userName(user)).attachedPolicies()
                .stream().map(a -> a.policyArn()).toList());
        assertEquals(List.of(policy.policyName()), IAM.listAttachedGroupPolicies(b -> b.groupName(group))
                .attachedPolicies().stream().map(a -> a.policyName()).toList());
        assertEquals(2, IAM.getPolicy(b -> b.policyArn(policy.arn())).policy().attachmentCount());
        var entities = IAM.listEntitiesForPolicy(b -> b.policyArn(policy.arn()));
        assertEquals(List.of(user), entities.policyUsers().stream().map(u -> u.userName()).toList());
        assertEquals(List.of(group), entities.policyGroups().stream().map(g -> g.groupName()).toList());
        assertThrows(DeleteConflictException.class, () -> IAM.deletePolicy(b -> b.policyArn(policy.arn())));
        assertThrows(DeleteConflictException.class, () -> IAM.deleteUser(b -> b.userName(user)));
        assertThrows(DeleteConflictException.class, () -> IAM.deleteGroup(b -> b.groupName(group)));

        IAM.detachUserPolicy(b -> b.userName(user).policyArn(policy.arn()));
        IAM.detachGroupPolicy(b -> b.groupName(group).policyArn(policy.arn()));
        assertThrows(NoSuchEntityException.class, () -> IAM.detachUserPolicy(b -> b.userName(user)
                .policyArn(policy.arn())));
        IAM.deletePolicy(b -> b.policyArn(policy.arn()));
        IAM.deleteUser(b -> b.userName(user));
        IAM.deleteGroup(b -> b.groupName(group));
    }

    @Test
    void atMostTenManagedPoliciesPerUser() {
        String user = unique("ten");
        IAM.createUser(b -> b.userName(user));
        for (int i = 0; i < 10; i++) {
            String arn = createPolicy(unique("Ten" + i)).arn();
            IAM.attachUserPolicy(b -> b.userName(user).policyArn(arn));
        }
        String eleventh = createPolicy(unique("Eleven")).arn();

        assertThrows(LimitExceededException.class, () -> IAM.attachUserPolicy(b -> b.userName(user).policyArn(eleventh)));
    }

    @Test
    void awsManagedPoliciesCannotBeChangedOrDeleted() {
        assertEquals("AccessDenied", assertThrows(IamException.class,
                () -> IAM.deletePolicy(b -> b.policyArn(AWS_IAM_READ_ONLY))).awsErrorDetails().errorCode());
        assertEquals("AccessDenied", assertThrows(IamException.class, () -> IAM.createPolicyVersion(b -> b
                .policyArn(AWS_IAM_READ_ONLY).policyDocument(InlinePolicyApiIT.READ_USERS))).awsErrorDetails().errorCode());
        assertEquals("v1", IAM.getPolicy(b -> b.policyArn(AWS_IAM_READ_ONLY)).policy().defaultVersionId());
    }

    @Test
    void unknownPoliciesAreNoSuchEntity() {
        String missing = "arn:aws:iam::" + PolicyAuthorizationIT.account() + ":policy/" + unique("Missing");
        String user = unique("nopolicy");
        IAM.createUser(b -> b.userName(user));

        assertThrows(NoSuchEntityException.class, () -> IAM.getPolicy(b -> b.policyArn(missing)));
        assertThrows(NoSuchEntityException.class, () -> IAM.attachUserPolicy(b -> b.userName(user).policyArn(missing)));
        assertThrows(NoSuchEntityException.class, () -> IAM.putUserPermissionsBoundary(b -> b.userName(user)
                .permissionsBoundary(missing)));
    }

    @Test
    void theBootstrapAttachesAdministratorAccessToAdministrators() {
        assertEquals(List.of(AWS_ADMIN), IAM.listAttachedGroupPolicies(b -> b.groupName("Administrators"))
                .attachedPolicies().stream().map(a -> a.policyArn()).toList());
    }
}
