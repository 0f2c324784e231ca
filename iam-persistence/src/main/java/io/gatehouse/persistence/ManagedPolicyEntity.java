package io.gatehouse.persistence;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.identity.ManagedPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Optional;

/** A customer-managed policy; its documents are {@link ManagedPolicyVersionEntity} rows. */
@Entity
@Table(name = "managed_policies")
public class ManagedPolicyEntity {

    @Id
    @Column(name = "policy_id")
    private String policyId;

    @Column(name = "account_id")
    private String accountId;

    @Column(name = "arn")
    private String arn;

    @Column(name = "name")
    private String name;

    @Column(name = "name_key")
    private String nameKey;

    @Column(name = "path")
    private String path;

    @Column(name = "description")
    private String description;

    @Column(name = "default_version")
    private String defaultVersion;

    /** The highest version number ever given, so deleted numbers are not reused. */
    @Column(name = "last_version")
    private int lastVersion;

    @Column(name = "create_date")
    private Instant createDate;

    @Column(name = "update_date")
    private Instant updateDate;

    @Version
    @Column(name = "version")
    private long version;

    protected ManagedPolicyEntity() {
    }

    ManagedPolicyEntity(String accountId, ManagedPolicy policy) {
        this.policyId = policy.policyId();
        this.accountId = accountId;
        this.arn = policy.arn().toString();
        this.name = policy.name();
        this.nameKey = NameKey.of(policy.name());
        this.path = policy.path();
        this.description = policy.description().orElse(null);
        this.createDate = policy.createDate();
        this.lastVersion = 1;
        apply(policy);
    }

    void apply(ManagedPolicy policy) {
        this.defaultVersion = policy.defaultVersionId();
        this.updateDate = policy.updateDate();
    }

    int nextVersion() {
        return ++lastVersion;
    }

    ManagedPolicy toPolicy() {
        return new ManagedPolicy(Arn.parse(arn), policyId, name, path, Optional.ofNullable(description),
                defaultVersion, createDate, updateDate);
    }
}
