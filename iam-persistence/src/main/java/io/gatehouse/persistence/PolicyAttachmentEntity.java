package io.gatehouse.persistence;

import io.gatehouse.core.identity.PolicyAttachment;
import io.gatehouse.core.identity.PrincipalType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** A managed policy attached to a user, group or role; rows are inserted and deleted, never updated. */
@Entity
@Table(name = "policy_attachments")
@IdClass(PolicyAttachmentEntity.Key.class)
public class PolicyAttachmentEntity {

    @Id
    @Column(name = "principal_type")
    private String principalType;

    @Id
    @Column(name = "principal_id")
    private String principalId;

    @Id
    @Column(name = "kind")
    private String kind;

    @Id
    @Column(name = "policy_arn")
    private String policyArn;

    @Column(name = "account_id")
    private String accountId;

    protected PolicyAttachmentEntity() {
    }

    PolicyAttachmentEntity(String accountId, PolicyAttachment attachment) {
        this.principalType = attachment.principalType().name();
        this.principalId = attachment.principalId();
        this.kind = attachment.kind().name();
        this.policyArn = attachment.policyArn();
        this.accountId = accountId;
    }

    static Key key(PolicyAttachment a) {
        return new Key(a.principalType().name(), a.principalId(), a.kind().name(), a.policyArn());
    }

    PolicyAttachment toAttachment() {
        return new PolicyAttachment(policyArn, PrincipalType.valueOf(principalType), principalId,
                PolicyAttachment.Kind.valueOf(kind));
    }

    public record Key(String principalType, String principalId, String kind, String policyArn) implements Serializable {
    }
}
