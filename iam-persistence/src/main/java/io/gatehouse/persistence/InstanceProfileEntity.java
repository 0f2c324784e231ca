package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.InstanceProfile;
import io.gatehouse.core.identity.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;

/** An instance profile; its role lives in {@link InstanceProfileRoleEntity}. */
@Entity
@Table(name = "iam_instance_profiles")
public class InstanceProfileEntity {

    @Id
    @Column(name = "instance_profile_id")
    private String instanceProfileId;

    @Column(name = "account_id")
    private String accountId;

    @Column(name = "name")
    private String name;

    /** The name in lower case; unique per account in the database. */
    @Column(name = "name_key")
    private String nameKey;

    @Column(name = "path")
    private String path;

    @Column(name = "create_date")
    private Instant createDate;

    @Version
    @Column(name = "version")
    private long version;

    protected InstanceProfileEntity() {
    }

    InstanceProfileEntity(InstanceProfile profile) {
        this.instanceProfileId = profile.instanceProfileId();
        this.accountId = profile.account().value();
        this.name = profile.name();
        this.nameKey = NameKey.of(profile.name());
        this.path = profile.path();
        this.createDate = profile.createDate();
    }

    InstanceProfile toInstanceProfile(List<Role> roles) {
        return new InstanceProfile(new AccountId(accountId), instanceProfileId, name, path, createDate, roles);
    }

    String instanceProfileId() {
        return instanceProfileId;
    }

    String nameKey() {
        return nameKey;
    }
}
