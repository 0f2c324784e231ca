package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.SealedSecret;
import io.gatehouse.core.identity.AccessKey;
import io.gatehouse.core.identity.AccessKeyStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;

import java.time.Instant;
import java.util.Optional;

// Updates write only changed columns: recordUse sets the last-used columns with a bulk update, and a
// loaded key saved afterwards must not write its stale copy of them back.
@Entity
@DynamicUpdate
@Table(name = "access_keys")
public class AccessKeyEntity {

    @Id
    @Column(name = "access_key_id")
    private String accessKeyId;

    @Column(name = "account_id")
    private String accountId;

    /** Null for the root user's own keys. */
    @Column(name = "user_id")
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    private AccessKeyStatus status;

    /** Which master key sealed the secret, so master keys can rotate. */
    @Column(name = "secret_key_id")
    private String secretKeyId;

    @Column(name = "secret_ciphertext")
    private byte[] secretCiphertext;

    @Column(name = "create_date")
    private Instant createDate;

    /** Written by {@link JpaAccessKeyRepository#recordUse} only. */
    @Column(name = "last_used_date")
    private Instant lastUsedDate;

    @Column(name = "last_used_service")
    private String lastUsedService;

    @Column(name = "last_used_region")
    private String lastUsedRegion;

    @Version
    @Column(name = "version")
    private long version;

    protected AccessKeyEntity() {
    }

    AccessKeyEntity(AccessKey key) {
        this.accessKeyId = key.accessKeyId();
        this.accountId = key.account().value();
        this.userId = key.userId().orElse(null);
        this.status = key.status();
        this.secretKeyId = key.sealedSecret().keyId();
        this.secretCiphertext = key.sealedSecret().ciphertext();
        this.createDate = key.createDate();
    }

    AccessKey toAccessKey() {
        return new AccessKey(accessKeyId, new AccountId(accountId), Optional.ofNullable(userId), status,
                new SealedSecret(secretKeyId, secretCiphertext), createDate);
    }

    void status(AccessKeyStatus newStatus) {
        this.status = newStatus;
    }
}
