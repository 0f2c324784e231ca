package io.gatehouse.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** An inline policy embedded in a role; its name is unique within the role case-insensitively. */
@Entity
@Table(name = "role_policies")
@IdClass(RoleInlinePolicyEntity.Key.class)
public class RoleInlinePolicyEntity extends InlinePolicyRow {

    @Id
    @Column(name = "role_id")
    private String roleId;

    @Id
    @Column(name = "name_key")
    private String nameKey;

    protected RoleInlinePolicyEntity() {
    }

    RoleInlinePolicyEntity(String roleId, String policyName, String document) {
        this.roleId = roleId;
        this.nameKey = NameKey.of(policyName);
        replace(policyName, document);
    }

    public record Key(String roleId, String nameKey) implements Serializable {
    }
}
