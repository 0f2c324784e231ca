package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.InstanceProfile;
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

/** An instance profile; its role lives in {@link InstanceProfileRoleEntity}. */
@Entity
@Table(name = "iam_instance_profiles")
public class InstanceProfileEntity {

    @Id
    @Column(name = "instance_profile_id")
    private String instanceProfileId;

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

    // As for users: tags keep their given order and load in batches for a page of profiles.
    @ElementCollection
    @CollectionTable(name = "instance_profile_tags", joinColumns = @JoinColumn(name = "instance_profile_id"))
    @OrderColumn(name = "tag_index")
    @BatchSize(size = 100)
    private List<TagValue> tags = new ArrayList<>();

    @Version
    @Column(name = "version")
    private long version;

    protected InstanceProfileEntity() {
    }

    InstanceProfileEntity(InstanceProfile profile) {
        this.instanceProfileId = profile.instanceProfileId();
        this.accountId = profile.account().value();
        this.name = profile.name();
        this.nameKey = NameKey.of(profile.name());
        this.path = profile.path();
        this.createDate = profile.createDate();
        apply(profile);
    }

    /** Takes the profile's changeable state: its tags (the role link is a row of its own). */
    void apply(InstanceProfile profile) {
        if (!tags().equals(profile.tags())) {
            this.tags.clear();
            profile.tags().forEach(tag -> this.tags.add(new TagValue(tag)));
        }
    }

    private List<Tag> tags() {
        return tags.stream().map(TagValue::toTag).toList();
    }

    InstanceProfile toInstanceProfile(List<Role> roles) {
        return new InstanceProfile(new AccountId(accountId), instanceProfileId, name, path, createDate, roles, tags());
    }

    String instanceProfileId() {
        return instanceProfileId;
    }

    String nameKey() {
        return nameKey;
    }
}
