package io.gatehouse.persistence;

import io.gatehouse.core.identity.Tag;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A tag as stored: one row of an entity's tag list. */
@Embeddable
public class TagValue {

    @Column(name = "tag_key")
    private String key;

    @Column(name = "tag_value")
    private String value;

    protected TagValue() {
    }

    TagValue(Tag tag) {
        this.key = tag.key();
        this.value = tag.value();
    }

    Tag toTag() {
        return new Tag(key, value);
    }
}
