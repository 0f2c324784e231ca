package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.Group;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

@Entity
@Table(name = "iam_groups")
public class GroupEntity {

    @Id
    @Column(name = "group_id")
    private String groupId;

    @Column(name = "account_id")
    private String accountId;

    @Column(name = "name")
    private String name;

    /** The name in lower case; unique per account in the database. */
    @Column(name = "name_key")
    private String nameKey;

    @Column(name = "path")
    private String path;

    @Column(name = "create_date")
    private Instant createDate;

    @Version
    @Column(name = "version")
    private long version;

    protected GroupEntity() {
    }

    GroupEntity(Group group) {
        this.groupId = group.groupId();
        this.accountId = group.account().value();
        this.createDate = group.createDate();
        apply(group);
    }

    /** Takes the group's changeable state: name and path. */
    void apply(Group group) {
        this.name = group.name();
        this.nameKey = NameKey.of(group.name());
        this.path = group.path();
    }

    Group toGroup() {
        return new Group(new AccountId(accountId), groupId, name, path, createDate);
    }

    String nameKey() {
        return nameKey;
    }
}
