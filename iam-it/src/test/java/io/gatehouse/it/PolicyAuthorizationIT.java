package io.gatehouse.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every action is authorized by the caller's policies, evaluated as AWS does. */
class PolicyAuthorizationIT extends GatehouseServer {

    private static final IamClient IAM = admin();

    /** AWS's well-known self-service policy: each user manages only their own access keys. */
    static final String OWN_ACCESS_KEYS = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",
              "Action":["iam:CreateAccessKey","iam:ListAccessKeys","iam:DeleteAccessKey","iam:UpdateAccessKey"],
              "Resource":"arn:aws:iam::*:user/${aws:username}"}]}""";

    @AfterAll
    static void close() {
        IAM.close();
    }

    /** The test account's id, from the admin user's ARN. */
    static String account() {
        return IAM.getUser().user().arn().split(":")[4];
    }

    static AccessKey userWithKey(String name) {
        IAM.createUser(b -> b.userName(name));
        return IAM.createAccessKey(b -> b.userName(name)).accessKey();
    }

    static IamException denied(Runnable call) {
        IamException e = assertThrows(IamException.class, call::run);
        assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
        assertEquals(403, e.statusCode());
        return e;
    }

    @Test
    void aUserWithoutPoliciesMayDoNothing() {
        String name = unique("bare");
        AccessKey key = userWithKey(name);
        try (IamClient bare = iam(key.accessKeyId(), key.secretAccessKey())) {
            IamException e = denied(() -> bare.getUser(b -> b.userName(name)));
            assertTrue(e.awsErrorDetails().errorMessage().endsWith("is not authorized to perform: iam:GetUser"
                    + " on resource: arn:aws:iam::" + account() + ":user/" + name
                    + " because no identity-based policy allows the iam:GetUser action"),
                    e.awsErrorDetails().errorMessage());
        }
    }

    @Test
    void aUserPolicyTakesEffectAtOnce() {
        String name = unique("reader");
        AccessKey key = userWithKey(name);
        try (IamClient reader = iam(key.accessKeyId(), key.secretAccessKey())) {
            denied(() -> reader.getUser(b -> b.userName(name)));

            IAM.putUserPolicy(b -> b.userName(name).policyName("read").policyDocument(InlinePolicyApiIT.READ_USERS));

            assertEquals(name, reader.getUser(b -> b.userName(name)).user().userName());
            denied(() -> reader.listUsers());
        }
    }

    @Test
    void anExplicitDenyInAGroupPolicyBeatsAnAllowInAUserPolicy() {
        String name = unique("capped");
        String group = unique("nodelete");
        AccessKey key = userWithKey(name);
        IAM.putUserPolicy(b -> b.userName(name).policyName("all").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:*","Resource":"*"}]}"""));
        IAM.createGroup(b -> b.groupName(group));
        IAM.putGroupPolicy(b -> b.groupName(group).policyName("deny").policyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:CreateUser","Resource":"*"}]}"""));
        IAM.addUserToGroup(b -> b.groupName(group).userName(name));
        try (IamClient capped = iam(key.accessKeyId(), key.secretAccessKey())) {
            capped.listUsers();
            String target = unique("nope");
            IamException e = denied(() -> capped.createUser(b -> b.userName(target)));
            assertTrue(e.awsErrorDetails().errorMessage().endsWith("is not authorized to perform: iam:CreateUser"
                    + " on resource: arn:aws:iam::" + account() + ":user/" + target
                    + " with an explicit deny in an identity-based policy"), e.awsErrorDetails().errorMessage());
        }
    }

    @Test
    void theUsernameVariableLetsEachUserManageOnlyTheirOwnKeys() {
        String group = unique("selfservice");
        IAM.createGroup(b -> b.groupName(group));
        IAM.putGroupPolicy(b -> b.groupName(group).policyName("own-keys").policyDocument(OWN_ACCESS_KEYS));
        String alice = unique("alice");
        String bob = unique("bob");
        AccessKey aliceKey = userWithKey(alice);
        IAM.createUser(b -> b.userName(bob));
        IAM.addUserToGroup(b -> b.groupName(group).userName(alice));
        IAM.addUserToGroup(b -> b.groupName(group).userName(bob));
        try (IamClient asAlice = iam(aliceKey.accessKeyId(), aliceKey.secretAccessKey())) {
            AccessKey second = asAlice.createAccessKey(b -> b.userName(alice)).accessKey();
            assertEquals(2, asAlice.listAccessKeys(b -> b.userName(alice)).accessKeyMetadata().size());
            asAlice.deleteAccessKey(b -> b.userName(alice).accessKeyId(second.accessKeyId()));

            denied(() -> asAlice.createAccessKey(b -> b.userName(bob)));
            denied(() -> asAlice.listAccessKeys(b -> b.userName(bob)));
        }
    }

    @Test
    void iamReadOnlyAccessListsButCannotCreate() {
        String name = unique("auditor");
        AccessKey key = userWithKey(name);
        IAM.attachUserPolicy(b -> b.userName(name).policyArn(ManagedPolicyApiIT.AWS_IAM_READ_ONLY));
        try (IamClient auditor = iam(key.accessKeyId(), key.secretAccessKey())) {
            auditor.listUsers();
            auditor.listPolicies();
            String target = unique("created");
            IamException e = denied(() -> auditor.createUser(b -> b.userName(target)));
            assertTrue(e.awsErrorDetails().errorMessage().endsWith("is not authorized to perform: iam:CreateUser"
                    + " on resource: arn:aws:iam::" + account() + ":user/" + target
                    + " because no identity-based policy allows the iam:CreateUser action"),
                    e.awsErrorDetails().errorMessage());
        }
    }

    @Test
    void aPermissionsBoundaryCapsAnAdministrator() {
        String name = unique("bounded");
        AccessKey key = userWithKey(name);
        IAM.attachUserPolicy(b -> b.userName(name).policyArn(ManagedPolicyApiIT.AWS_ADMIN));
        IAM.putUserPermissionsBoundary(b -> b.userName(name).permissionsBoundary(ManagedPolicyApiIT.AWS_IAM_READ_ONLY));
        var boundary = IAM.getUser(b -> b.userName(name)).user().permissionsBoundary();
        assertEquals(ManagedPolicyApiIT.AWS_IAM_READ_ONLY, boundary.permissionsBoundaryArn());
        assertEquals("PermissionsBoundaryPolicy", boundary.permissionsBoundaryTypeAsString());
        try (IamClient bounded = iam(key.accessKeyId(), key.secretAccessKey())) {
            bounded.listUsers();
            String target = unique("blocked");
            IamException e = denied(() -> bounded.createUser(b -> b.userName(target)));
            assertTrue(e.awsErrorDetails().errorMessage().endsWith(
                    "because no permissions boundary allows the iam:CreateUser action"), e.awsErrorDetails().errorMessage());

            IAM.deleteUserPermissionsBoundary(b -> b.userName(name));

            bounded.createUser(b -> b.userName(target));
        }
    }
}
