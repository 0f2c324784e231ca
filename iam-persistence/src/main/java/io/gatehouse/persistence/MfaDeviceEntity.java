package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.SealedSecret;
import io.gatehouse.core.identity.VirtualMfaDevice;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Entity
@Table(name = "mfa_devices")
public class MfaDeviceEntity {

    @Id
    @Column(name = "serial_number")
    private String serialNumber;

    @Column(name = "account_id")
    private String accountId;

    @Column(name = "name")
    private String name;

    /** The name in lower case; unique per account in the database. */
    @Column(name = "name_key")
    private String nameKey;

    @Column(name = "path")
    private String path;

    /** Which master key sealed the seed, so master keys can rotate. */
    @Column(name = "seed_key_id")
    private String seedKeyId;

    @Column(name = "seed_ciphertext")
    private byte[] seedCiphertext;

    @Column(name = "create_date")
    private Instant createDate;

    /** Set while the device is enabled for a user. */
    @Column(name = "user_id")
    private String userId;

    @Column(name = "enable_date")
    private Instant enableDate;

    @Column(name = "last_used_step")
    private long lastUsedStep;

    @ElementCollection
    @CollectionTable(name = "mfa_device_tags", joinColumns = @JoinColumn(name = "serial_number"))
    @OrderColumn(name = "tag_index")
    @BatchSize(size = 100)
    private List<TagValue> tags = new ArrayList<>();

    @Version
    @Column(name = "version")
    private long version;

    protected MfaDeviceEntity() {
    }

    MfaDeviceEntity(VirtualMfaDevice device) {
        this.serialNumber = device.serialNumber();
        this.accountId = device.account().value();
        this.name = device.name();
        this.nameKey = NameKey.of(device.name());
        this.path = device.path();
        this.seedKeyId = device.sealedSeed().keyId();
        this.seedCiphertext = device.sealedSeed().ciphertext();
        this.createDate = device.createDate();
        device.tags().forEach(tag -> tags.add(new TagValue(tag)));
        apply(device);
    }

    /** Takes what changes over a device's life: its assignment and the last accepted code's step. */
    void apply(VirtualMfaDevice device) {
        this.userId = device.userId().orElse(null);
        this.enableDate = device.enableDate().orElse(null);
        this.lastUsedStep = device.lastUsedStep();
    }

    VirtualMfaDevice toDevice() {
        return new VirtualMfaDevice(new AccountId(accountId), name, path, new SealedSecret(seedKeyId, seedCiphertext),
                createDate, Optional.ofNullable(userId), Optional.ofNullable(enableDate), lastUsedStep,
                tags.stream().map(TagValue::toTag).toList());
    }

    String serialNumber() {
        return serialNumber;
    }
}
