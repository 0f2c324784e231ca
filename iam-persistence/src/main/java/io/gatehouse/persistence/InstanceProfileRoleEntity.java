package io.gatehouse.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The role an instance profile holds. The profile is the key, so the database allows one role per
 * profile. Rows are only inserted and deleted, so no version.
 */
@Entity
@Table(name = "instance_profile_roles")
public class InstanceProfileRoleEntity {

    @Id
    @Column(name = "instance_profile_id")
    private String instanceProfileId;

    @Column(name = "role_id")
    private String roleId;

    protected InstanceProfileRoleEntity() {
    }

    InstanceProfileRoleEntity(String instanceProfileId, String roleId) {
        this.instanceProfileId = instanceProfileId;
        this.roleId = roleId;
    }

    String instanceProfileId() {
        return instanceProfileId;
    }

    String roleId() {
        return roleId;
    }
}
