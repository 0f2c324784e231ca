package io.gatehouse.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;

/** An inline policy embedded in a user; its name is unique within the user case-insensitively. */
@Entity
@Table(name = "user_policies")
@IdClass(UserInlinePolicyEntity.Key.class)
public class UserInlinePolicyEntity {

    @Id
    @Column(name = "user_id")
    private String userId;

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

    protected UserInlinePolicyEntity() {
    }

    UserInlinePolicyEntity(String userId, String policyName, String document) {
        this.userId = userId;
        this.nameKey = NameKey.of(policyName);
        replace(policyName, document);
    }

    /** PutUserPolicy on an existing name replaces the document (and takes the new spelling of the name). */
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

    public record Key(String userId, String nameKey) implements Serializable {
    }
}
