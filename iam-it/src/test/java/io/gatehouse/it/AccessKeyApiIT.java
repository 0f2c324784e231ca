package io.gatehouse.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Access keys: the secret shown once, the two-key quota, status, deletion and last use. */
class AccessKeyApiIT extends GatehouseServer {

    private static final IamClient IAM = admin();

    @AfterAll
    static void close() {
        IAM.close();
    }

    /** An Administrators member with a fresh key, so the key can authenticate real calls. */
    private static AccessKey adminUserWithKey(String name) {
        IAM.createUser(b -> b.userName(name));
        IAM.addUserToGroup(b -> b.groupName("Administrators").userName(name));
        return IAM.createAccessKey(b -> b.userName(name)).accessKey();
    }

    @Test
    void createAccessKeyReturnsTheSecretOnceAndListingNeverDoes() {
        String name = unique("rita");
        IAM.createUser(b -> b.userName(name));

        AccessKey key = IAM.createAccessKey(b -> b.userName(name)).accessKey();

        assertTrue(key.accessKeyId().matches("AKIA[A-Z2-7]{16}"), key.accessKeyId());
        assertEquals(40, key.secretAccessKey().length());
        assertEquals(StatusType.ACTIVE, key.status());
        assertEquals(name, key.userName());
        List<AccessKeyMetadata> listed = IAM.listAccessKeys(b -> b.userName(name)).accessKeyMetadata();
        assertEquals(List.of(key.accessKeyId()), listed.stream().map(AccessKeyMetadata::accessKeyId).toList());
    }

    @Test
    void aThirdKeyExceedsTheQuotaOfTwo() {
        String name = unique("sam");
        IAM.createUser(b -> b.userName(name));
        IAM.createAccessKey(b -> b.userName(name));
        IAM.createAccessKey(b -> b.userName(name));

        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> IAM.createAccessKey(b -> b.userName(name)));

        assertTrue(e.awsErrorDetails().errorMessage().contains("AccessKeysPerUser"));
        assertEquals(2, IAM.listAccessKeys(b -> b.userName(name)).accessKeyMetadata().size());
    }

    @Test
    void aNewKeyAuthenticatesItsUser() {
        String name = unique("tess");
        AccessKey key = adminUserWithKey(name);

        try (IamClient asTess = iam(key.accessKeyId(), key.secretAccessKey())) {
            assertEquals(name, asTess.getUser().user().userName());
        }
    }

    @Test
    void anInactiveKeyIsRefusedAtOnceAndWorksAgainWhenReactivated() {
        String name = unique("uma");
        AccessKey key = adminUserWithKey(name);
        try (IamClient asUma = iam(key.accessKeyId(), key.secretAccessKey())) {
            IAM.updateAccessKey(b -> b.userName(name).accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));

            IamException e = assertThrows(IamException.class, asUma::getUser);
            assertEquals("InvalidClientTokenId", e.awsErrorDetails().errorCode());
            assertEquals(StatusType.INACTIVE, IAM.listAccessKeys(b -> b.userName(name)).accessKeyMetadata().get(0).status());

            IAM.updateAccessKey(b -> b.userName(name).accessKeyId(key.accessKeyId()).status(StatusType.ACTIVE));
            assertEquals(name, asUma.getUser().user().userName());
        }
    }

    @Test
    void aDeletedKeyNoLongerAuthenticates() {
        String name = unique("vera");
        AccessKey key = adminUserWithKey(name);

        IAM.deleteAccessKey(b -> b.userName(name).accessKeyId(key.accessKeyId()));

        try (IamClient asVera = iam(key.accessKeyId(), key.secretAccessKey())) {
            IamException e = assertThrows(IamException.class, asVera::getUser);
            assertEquals("InvalidClientTokenId", e.awsErrorDetails().errorCode());
        }
        assertTrue(IAM.listAccessKeys(b -> b.userName(name)).accessKeyMetadata().isEmpty());
    }

    @Test
    void anotherUsersKeyIdIsNoSuchEntity() {
        String owner = unique("walt");
        String other = unique("xena");
        IAM.createUser(b -> b.userName(owner));
        IAM.createUser(b -> b.userName(other));
        String keyId = IAM.createAccessKey(b -> b.userName(owner)).accessKey().accessKeyId();

        assertThrows(NoSuchEntityException.class, () -> IAM.deleteAccessKey(b -> b.userName(other).accessKeyId(keyId)));
        assertEquals(1, IAM.listAccessKeys(b -> b.userName(owner)).accessKeyMetadata().size());
    }

    @Test
    void aBadStatusIsAValidationError() {
        String name = unique("yuri");
        IAM.createUser(b -> b.userName(name));
        String keyId = IAM.createAccessKey(b -> b.userName(name)).accessKey().accessKeyId();

        IamException e = assertThrows(IamException.class,
                () -> IAM.updateAccessKey(b -> b.userName(name).accessKeyId(keyId).status("Paused")));

        assertEquals("ValidationError", e.awsErrorDetails().errorCode());
    }

    @Test
    void lastUseIsRecordedOnEachAuthenticatedCall() {
        String name = unique("zoe");
        AccessKey key = adminUserWithKey(name);
        GetAccessKeyLastUsedResponse before = IAM.getAccessKeyLastUsed(b -> b.accessKeyId(key.accessKeyId()));
        assertNull(before.accessKeyLastUsed().lastUsedDate());
        assertEquals("N/A", before.accessKeyLastUsed().serviceName());

        try (IamClient asZoe = iam(key.accessKeyId(), key.secretAccessKey())) {
            asZoe.listUsers();
        }

        GetAccessKeyLastUsedResponse after = IAM.getAccessKeyLastUsed(b -> b.accessKeyId(key.accessKeyId()));
        assertEquals(name, after.userName());
        assertEquals("iam", after.accessKeyLastUsed().serviceName());
        assertEquals("us-east-1", after.accessKeyLastUsed().region());
        assertTrue(after.accessKeyLastUsed().lastUsedDate().isAfter(Instant.now().minus(5, ChronoUnit.MINUTES)));
    }

    @Test
    void listAccessKeysWithoutANameListsTheCallersKeys() {
        List<String> mine = IAM.listAccessKeys().accessKeyMetadata().stream().map(AccessKeyMetadata::accessKeyId).toList();

        assertTrue(mine.contains(adminAccessKeyId()), mine.toString());
    }
}
