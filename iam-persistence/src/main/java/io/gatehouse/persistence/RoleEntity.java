package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.MaxSessionDuration;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.Tag;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

@Entity
@Table(name = "iam_roles")
public class RoleEntity {

    @Id
    @Column(name = "role_id")
    private String roleId;

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

    @Column(name = "trust_policy")
    private String trustPolicy;

    @Column(name = "description")
    private String description;

    @Column(name = "max_session_duration")
    private int maxSessionDuration;

    /** Written only by the repository's recordUse, never from the Role record. */
    @Column(name = "last_used_date")
    private Instant lastUsedDate;

    @Column(name = "last_used_region")
    private String lastUsedRegion;

    // As for users: tags keep their given order and load in batches for a page of roles.
    @ElementCollection
    @CollectionTable(name = "role_tags", joinColumns = @JoinColumn(name = "role_id"))
    @OrderColumn(name = "tag_index")
    @BatchSize(size = 100)
    private List<TagValue> tags = new ArrayList<>();

    @Version
    @Column(name = "version")
    private long version;

    protected RoleEntity() {
    }

    RoleEntity(Role role) {
        this.roleId = role.roleId();
        this.accountId = role.account().value();
        this.name = role.name();
        this.nameKey = NameKey.of(role.name());
        this.path = role.path();
        this.createDate = role.createDate();
        apply(role);
    }

    /** Takes the role's changeable state: trust policy, description, session duration, tags. */
    void apply(Role role) {
        this.trustPolicy = role.trustPolicy();
        this.description = role.description().orElse(null);
        this.maxSessionDuration = role.maxSessionDuration().seconds();
        if (!tags().equals(role.tags())) {
            this.tags.clear();
            role.tags().forEach(tag -> this.tags.add(new TagValue(tag)));
        }
    }

    private List<Tag> tags() {
        return tags.stream().map(TagValue::toTag).toList();
    }

    Role toRole() {
        return new Role(new AccountId(accountId), roleId, name, path, createDate, trustPolicy,
                Optional.ofNullable(description), new MaxSessionDuration(maxSessionDuration), tags());
    }

    String nameKey() {
        return nameKey;
    }
}
