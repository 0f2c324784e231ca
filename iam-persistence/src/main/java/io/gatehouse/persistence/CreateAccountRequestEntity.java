package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.organization.CreateAccountStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Optional;

@Entity
@Table(name = "create_account_requests")
public class CreateAccountRequestEntity {

    @Id
    @Column(name = "request_id")
    private String requestId;

    @Column(name = "account_name")
    private String accountName;

    @Enumerated(EnumType.STRING)
    @Column(name = "state")
    private CreateAccountStatus.State state;

    @Column(name = "requested_date")
    private Instant requestedDate;

    @Column(name = "completed_date")
    private Instant completedDate;

    @Column(name = "account_id")
    private String accountId;

    @Column(name = "failure_reason")
    private String failureReason;

    protected CreateAccountRequestEntity() {
    }

    CreateAccountRequestEntity(CreateAccountStatus status) {
        this.requestId = status.id();
        this.accountName = status.accountName();
        this.state = status.state();
        this.requestedDate = status.requested();
        this.completedDate = status.completed().orElse(null);
        this.accountId = status.accountId().map(AccountId::value).orElse(null);
        this.failureReason = status.failureReason().orElse(null);
    }

    CreateAccountStatus toStatus() {
        return new CreateAccountStatus(requestId, accountName, state, requestedDate, Optional.ofNullable(completedDate),
                Optional.ofNullable(accountId).map(AccountId::new), Optional.ofNullable(failureReason));
    }
}
