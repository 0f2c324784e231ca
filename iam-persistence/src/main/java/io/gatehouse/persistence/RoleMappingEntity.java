package io.gatehouse.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "role_mapping_rules")
public class RoleMappingEntity {

    @Id
    @Column(name = "provider_arn")
    private String providerArn;

    @Column(name = "account_id")
    private String accountId;

    @Column(name = "document")
    private String document;

    @Version
    @Column(name = "version")
    private long version;

    protected RoleMappingEntity() {
    }

    RoleMappingEntity(String providerArn, String accountId, String document) {
        this.providerArn = providerArn;
        this.accountId = accountId;
        this.document = document;
    }

    String document() {
        return document;
    }

    void document(String newDocument) {
        this.document = newDocument;
    }
}
