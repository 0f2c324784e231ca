package io.gatehouse.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** An inline policy embedded in a group; its name is unique within the group case-insensitively. */
@Entity
@Table(name = "group_policies")
@IdClass(GroupInlinePolicyEntity.Key.class)
public class GroupInlinePolicyEntity extends InlinePolicyRow {

    @Id
    @Column(name = "group_id")
    private String groupId;

    @Id
    @Column(name = "name_key")
    private String nameKey;

    protected GroupInlinePolicyEntity() {
    }

    GroupInlinePolicyEntity(String groupId, String policyName, String document) {
        this.groupId = groupId;
        this.nameKey = NameKey.of(policyName);
        replace(policyName, document);
    }

    public record Key(String groupId, String nameKey) implements Serializable {
    }
}
