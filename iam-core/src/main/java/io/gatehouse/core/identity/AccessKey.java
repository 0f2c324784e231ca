package io.gatehouse.core.identity;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.SealedSecret;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A long-term access key. The secret is kept only sealed (encrypted under the master key):
 * SigV4 needs the secret itself, so it cannot be hashed.
 * {@code userId} is empty for the root user's own keys.
 */
public record AccessKey(String accessKeyId, AccountId account, Optional<String> userId, AccessKeyStatus status,
                        SealedSecret sealedSecret, Instant createDate) {

    public AccessKey {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(sealedSecret, "sealedSecret");
        Objects.requireNonNull(createDate, "createDate");
    }

    public boolean isActive() {
        return status == AccessKeyStatus.Active;
    }
}
