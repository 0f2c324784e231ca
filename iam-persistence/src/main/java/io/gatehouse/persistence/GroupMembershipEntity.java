package io.gatehouse.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** A user's membership of a group. Rows are only inserted and deleted, so no version. */
@Entity
@Table(name = "group_members")
@IdClass(GroupMembershipEntity.Key.class)
public class GroupMembershipEntity {

    @Id
    @Column(name = "group_id")
    private String groupId;

    @Id
    @Column(name = "user_id")
    private String userId;

    protected GroupMembershipEntity() {
    }

    GroupMembershipEntity(String groupId, String userId) {
        this.groupId = groupId;
        this.userId = userId;
    }

    public record Key(String groupId, String userId) implements Serializable {
    }
}
