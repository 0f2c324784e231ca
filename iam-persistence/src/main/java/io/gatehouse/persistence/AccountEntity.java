package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.Account;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

@Entity
@Table(name = "accounts")
public class AccountEntity {

    @Id
    @Column(name = "account_id")
    private String accountId;

    @Column(name = "name")
    private String name;

    @Column(name = "root_email")
    private String rootEmail;

    @Column(name = "root_password_hash")
    private String rootPasswordHash;

    @Column(name = "root_password_set_at")
    private Instant rootPasswordSetAt;

    @Column(name = "create_date")
    private Instant createDate;

    @Version
    @Column(name = "version")
    private long version;

    protected AccountEntity() {
    }

    AccountEntity(Account account, String rootPasswordHash) {
        this.accountId = account.id().value();
        this.name = account.name();
        this.rootEmail = account.rootEmail();
        this.rootPasswordHash = rootPasswordHash;
        this.createDate = account.createDate();
    }

    Account toAccount() {
        return new Account(new AccountId(accountId), name, rootEmail, createDate);
    }

    String rootPasswordHash() {
        return rootPasswordHash;
    }

    Instant rootPasswordSetAt() {
        return rootPasswordSetAt == null ? createDate : rootPasswordSetAt;
    }

    void setRootPassword(String hash, Instant at) {
        this.rootPasswordHash = hash;
        this.rootPasswordSetAt = at;
    }
}
