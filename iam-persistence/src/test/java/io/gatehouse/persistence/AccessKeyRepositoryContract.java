package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.identity.AccessKey;
import io.gatehouse.core.identity.AccessKeyLastUsed;
import io.gatehouse.core.identity.AccessKeyStatus;
import io.gatehouse.core.identity.User;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

abstract class AccessKeyRepositoryContract extends RepositoryContract {

    private static final byte[] CIPHERTEXT = {0, 1, 2, (byte) 0x7f, (byte) 0x80, (byte) 0xff, 42, 0};

    @Test
    void findsCreatedKeyWithItsSealedSecretIntact() {
        AccountId account = givenAccount();
        User owner = givenUser(account, "owner");
        AccessKey key = key(account, Optional.of(owner.userId()), CIPHERTEXT, T0);

        store.run(r -> r.accessKeys().create(key));

        AccessKey found = store.inTransaction(r -> r.accessKeys().find(key.accessKeyId())).orElseThrow();
        assertArrayEquals(CIPHERTEXT, found.sealedSecret().ciphertext());
        assertEquals("master-1", found.sealedSecret().keyId());
        assertEquals(Optional.of(owner.userId()), found.userId());
        assertEquals(account, found.account());
        assertEquals(AccessKeyStatus.Active, found.status());
        assertEquals(T0, found.createDate());
        assertEquals(Optional.empty(), store.inTransaction(r -> r.accessKeys().find("AKIANOSUCHKEY0000000")));
    }

    @Test
    void rejectsASecondKeyWithTheSameId() {
        AccountId account = givenAccount();
        AccessKey key = key(account, Optional.empty(), CIPHERTEXT, T0);
        store.run(r -> r.accessKeys().create(key));

        assertIamError(ErrorCode.ENTITY_ALREADY_EXISTS, () -> store.run(r -> r.accessKeys().create(key)));
    }

    @Test
    void listsKeysOfAUserOldestFirst() {
        AccountId account = givenAccount();
        User owner = givenUser(account, "owner");
        User other = givenUser(account, "other");
        AccessKey newer = key(account, Optional.of(owner.userId()), CIPHERTEXT, at(60));
        AccessKey older = key(account, Optional.of(owner.userId()), CIPHERTEXT, at(0));
        store.run(r -> {
            r.accessKeys().create(newer);
            r.accessKeys().create(older);
            r.accessKeys().create(key(account, Optional.of(other.userId()), CIPHERTEXT, at(30)));
            r.accessKeys().create(key(account, Optional.empty(), CIPHERTEXT, at(30)));
        });

        List<AccessKey> keys = store.inTransaction(r -> r.accessKeys().listFor(account, Optional.of(owner.userId())));

        assertEquals(List.of(older.accessKeyId(), newer.accessKeyId()), ids(keys));
        assertEquals(2, count(r -> r.accessKeys().countFor(account, Optional.of(owner.userId()))));
    }

    @Test
    void rootKeysAreTheAccountsKeysWithoutUser() {
        AccountId account = givenAccount();
        User user = givenUser(account, "user");
        AccessKey root = key(account, Optional.empty(), CIPHERTEXT, T0);
        store.run(r -> {
            r.accessKeys().create(root);
            r.accessKeys().create(key(account, Optional.of(user.userId()), CIPHERTEXT, T0));
            r.accessKeys().create(key(givenAccount(), Optional.empty(), CIPHERTEXT, T0));
        });

        assertEquals(List.of(root.accessKeyId()),
                ids(store.inTransaction(r -> r.accessKeys().listFor(account, Optional.empty()))));
        assertEquals(1, count(r -> r.accessKeys().countFor(account, Optional.empty())));
    }

    @Test
    void updatesStatus() {
        AccountId account = givenAccount();
        AccessKey key = key(account, Optional.empty(), CIPHERTEXT, T0);
        store.run(r -> r.accessKeys().create(key));

        store.run(r -> r.accessKeys().updateStatus(key.accessKeyId(), AccessKeyStatus.Inactive));

        assertEquals(AccessKeyStatus.Inactive,
                store.inTransaction(r -> r.accessKeys().find(key.accessKeyId())).orElseThrow().status());
    }

    @Test
    void deletesKey() {
        AccountId account = givenAccount();
        AccessKey key = key(account, Optional.empty(), CIPHERTEXT, T0);
        store.run(r -> r.accessKeys().create(key));

        store.run(r -> r.accessKeys().delete(key.accessKeyId()));

        assertEquals(Optional.empty(), store.inTransaction(r -> r.accessKeys().find(key.accessKeyId())));
        assertEquals(0, count(r -> r.accessKeys().countFor(account, Optional.empty())));
        assertIamError(ErrorCode.NO_SUCH_ENTITY, () -> store.run(r -> r.accessKeys().delete(key.accessKeyId())));
    }

    @Test
    void recordsAndReportsLastUse() {
        AccountId account = givenAccount();
        AccessKey key = key(account, Optional.empty(), CIPHERTEXT, T0);
        store.run(r -> r.accessKeys().create(key));
        assertEquals(Optional.empty(), store.inTransaction(r -> r.accessKeys().lastUsed(key.accessKeyId())));

        AccessKeyLastUsed first = new AccessKeyLastUsed(at(10), "iam", "us-east-1");
        AccessKeyLastUsed latest = new AccessKeyLastUsed(at(20), "sts", "eu-west-1");
        store.run(r -> r.accessKeys().recordUse(key.accessKeyId(), first));
        store.run(r -> r.accessKeys().recordUse(key.accessKeyId(), latest));

        assertEquals(Optional.of(latest), store.inTransaction(r -> r.accessKeys().lastUsed(key.accessKeyId())));
    }

    @Test
    void statusChangeOfALoadedKeyKeepsAUseRecordedMeanwhile() {
        AccountId account = givenAccount();
        AccessKey key = key(account, Optional.empty(), CIPHERTEXT, T0);
        store.run(r -> r.accessKeys().create(key));
        AccessKeyLastUsed use = new AccessKeyLastUsed(at(5), "iam", "us-east-1");

        store.run(r -> {
            r.accessKeys().find(key.accessKeyId()); // loaded before the use is recorded
            r.accessKeys().recordUse(key.accessKeyId(), use);
            assertEquals(Optional.of(use), r.accessKeys().lastUsed(key.accessKeyId()));
            r.accessKeys().updateStatus(key.accessKeyId(), AccessKeyStatus.Inactive);
        });

        assertEquals(Optional.of(use), store.inTransaction(r -> r.accessKeys().lastUsed(key.accessKeyId())));
    }

    @Test
    void recordingUseOfAnUnknownKeyIsNoSuchEntity() {
        assertIamError(ErrorCode.NO_SUCH_ENTITY, () -> store.run(r -> r.accessKeys()
                .recordUse("AKIANOSUCHKEY0000000", new AccessKeyLastUsed(T0, "iam", "us-east-1"))));
    }

    private static List<String> ids(List<AccessKey> keys) {
        return keys.stream().map(AccessKey::accessKeyId).toList();
    }
}
