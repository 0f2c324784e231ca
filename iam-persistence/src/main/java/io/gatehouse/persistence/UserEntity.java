package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.identity.User;
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

@Entity
@Table(name = "iam_users")
public class UserEntity {

    @Id
    @Column(name = "user_id")
    private String userId;

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

    // Tags keep the order they were given in (AWS lists them so). Batch fetching loads the tags of
    // a whole page of users in a few queries instead of one per user.
    @ElementCollection
    @CollectionTable(name = "user_tags", joinColumns = @JoinColumn(name = "user_id"))
    @OrderColumn(name = "tag_index")
    @BatchSize(size = 100)
    private List<TagValue> tags = new ArrayList<>();

    @Version
    @Column(name = "version")
    private long version;

    protected UserEntity() {
    }

    UserEntity(User user) {
        this.userId = user.userId();
        this.accountId = user.account().value();
        this.createDate = user.createDate();
        apply(user);
    }

    /** Takes the user's changeable state: name, path and tags. */
    void apply(User user) {
        this.name = user.name();
        this.nameKey = NameKey.of(user.name());
        this.path = user.path();
        // Rewriting unchanged tags would delete and insert their rows for nothing.
        if (!tags().equals(user.tags())) {
            this.tags.clear();
            user.tags().forEach(tag -> this.tags.add(new TagValue(tag)));
        }
    }

    private List<Tag> tags() {
        return tags.stream().map(TagValue::toTag).toList();
    }

    User toUser() {
        return new User(new AccountId(accountId), userId, name, path, createDate, tags());
    }

    String userId() {
        return userId;
    }

    String nameKey() {
        return nameKey;
    }
}
