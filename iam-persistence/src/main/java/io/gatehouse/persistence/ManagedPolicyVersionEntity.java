package io.gatehouse.persistence;

import io.gatehouse.core.identity.ManagedPolicyVersion;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** One version of a customer-managed policy; versions never change, so no optimistic lock is needed. */
@Entity
@Table(name = "managed_policy_versions")
@IdClass(ManagedPolicyVersionEntity.Key.class)
public class ManagedPolicyVersionEntity {

    @Id
    @Column(name = "policy_id")
    private String policyId;

    @Id
    @Column(name = "version_id")
    private String versionId;

    @Column(name = "version_no")
    private int versionNo;

    @Column(name = "document")
    private String document;

    @Column(name = "create_date")
    private Instant createDate;

    protected ManagedPolicyVersionEntity() {
    }

    ManagedPolicyVersionEntity(String policyId, int versionNo, String document, Instant createDate) {
        this.policyId = policyId;
        this.versionNo = versionNo;
        this.versionId = "v" + versionNo;
        this.document = document;
        this.createDate = createDate;
    }

    ManagedPolicyVersion toVersion() {
        return new ManagedPolicyVersion(versionId, document, createDate);
    }

    public record Key(String policyId, String versionId) implements Serializable {
    }
}
