package io.gatehouse.core.port;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.AccessKey;
import io.gatehouse.core.identity.AccessKeyLastUsed;
import io.gatehouse.core.identity.AccessKeyStatus;

import java.util.List;
import java.util.Optional;

/** Long-term access keys, their sealed secrets and last use. */
public interface AccessKeyRepository {
    Optional<AccessKey> find(String accessKeyId);

    /** The keys of a user ({@code userId} present) or of the account's root user, oldest first. */
    List<AccessKey> listFor(AccountId account, Optional<String> userId);

    long countFor(AccountId account, Optional<String> userId);

    void create(AccessKey key);

    void updateStatus(String accessKeyId, AccessKeyStatus status);

    void delete(String accessKeyId);

    Optional<AccessKeyLastUsed> lastUsed(String accessKeyId);

    void recordUse(String accessKeyId, AccessKeyLastUsed use);
}
