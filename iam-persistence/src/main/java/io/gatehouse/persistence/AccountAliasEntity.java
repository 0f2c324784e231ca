package io.gatehouse.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An account's alias: one row per account, the alias unique across accounts. */
@Entity
@Table(name = "account_aliases")
public class AccountAliasEntity {

    @Id
    @Column(name = "account_id")
    private String accountId;

    @Column(name = "alias")
    private String alias;

    @Version
    @Column(name = "version")
    private long version;

    protected AccountAliasEntity() {
    }

    AccountAliasEntity(String accountId, String alias) {
        this.accountId = accountId;
        this.alias = alias;
    }

    String alias() {
        return alias;
    }

    void replace(String newAlias) {
        this.alias = newAlias;
    }
}
