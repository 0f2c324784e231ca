package io.gatehouse.persistence;

import io.gatehouse.core.organization.MemberAccount;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "organization_accounts")
public class OrganizationAccountEntity {

    @Id
    @Column(name = "account_id")
    private String accountId;

    @Column(name = "organization_id")
    private String organizationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "joined_method")
    private MemberAccount.JoinedMethod joinedMethod;

    @Column(name = "joined_date")
    private Instant joinedDate;

    protected OrganizationAccountEntity() {
    }

    OrganizationAccountEntity(String organizationId, MemberAccount member) {
        this.accountId = member.account().id().value();
        this.organizationId = organizationId;
        this.joinedMethod = member.joinedMethod();
        this.joinedDate = member.joinedDate();
    }

    String accountId() {
        return accountId;
    }

    MemberAccount.JoinedMethod joinedMethod() {
        return joinedMethod;
    }

    Instant joinedDate() {
        return joinedDate;
    }
}
