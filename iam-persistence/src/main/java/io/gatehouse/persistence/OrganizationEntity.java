package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.organization.Organization;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

@Entity
@Table(name = "organizations")
public class OrganizationEntity {

    @Id
    @Column(name = "organization_id")
    private String organizationId;

    @Column(name = "management_account_id")
    private String managementAccountId;

    @Column(name = "create_date")
    private Instant createDate;

    @Version
    @Column(name = "version")
    private long version;

    protected OrganizationEntity() {
    }

    OrganizationEntity(Organization organization) {
        this.organizationId = organization.id();
        this.managementAccountId = organization.managementAccount().value();
        this.createDate = organization.createDate();
    }

    Organization toOrganization() {
        return new Organization(organizationId, new AccountId(managementAccountId), createDate);
    }
}
