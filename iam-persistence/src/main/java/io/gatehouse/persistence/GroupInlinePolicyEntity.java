package io.gatehouse.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;

/** An inline policy embedded in a group; its name is unique within the group case-insensitively. */
@Entity
@Table(name = "group_policies")
@IdClass(GroupInlinePolicyEntity.Key.class)
public class GroupInlinePolicyEntity {

    @Id
    @Column(name = "group_id")
    private String groupId;

    @Id
    @Column(name = "name_key")
    private String nameKey;

    @Column(name = "policy_name")
    private String policyName;

    @Column(name = "document")
    private String document;

    @Version
    @Column(name = "version")
    private long version;

    protected GroupInlinePolicyEntity() {
    }

    GroupInlinePolicyEntity(String groupId, String policyName, String document) {
        this.groupId = groupId;
        this.nameKey = NameKey.of(policyName);
        replace(policyName, document);
    }

    /** PutGroupPolicy on an existing name replaces the document (and takes the new spelling of the name). */
    void replace(String newPolicyName, String newDocument) {
        this.policyName = newPolicyName;
        this.document = newDocument;
    }

    String policyName() {
        return policyName;
    }

    String document() {
        return document;
    }

    public record Key(String groupId, String nameKey) implements Serializable {
    }
}
