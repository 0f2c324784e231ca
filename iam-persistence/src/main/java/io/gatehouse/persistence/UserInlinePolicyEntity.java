package io.gatehouse.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

/** An inline policy embedded in a user; its name is unique within the user case-insensitively. */
@Entity
@Table(name = "user_policies")
@IdClass(UserInlinePolicyEntity.Key.class)
public class UserInlinePolicyEntity extends InlinePolicyRow {

    @Id
    @Column(name = "user_id")
    private String userId;

    @Id
    @Column(name = "name_key")
    private String nameKey;

    protected UserInlinePolicyEntity() {
    }

    UserInlinePolicyEntity(String userId, String policyName, String document) {
        this.userId = userId;
        this.nameKey = NameKey.of(policyName);
        replace(policyName, document);
    }

    public record Key(String userId, String nameKey) implements Serializable {
    }
}
