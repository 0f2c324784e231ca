package io.gatehouse.core.service;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.Tag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tagging rules for users, roles and instance profiles: keys are case-insensitive but keep their case,
 * at most {@value Quotas#TAGS_PER_ENTITY} per entity, a new value replaces the old.
 */
final class TagSet {

    private TagSet() {
    }

    static List<Tag> validated(List<Tag> tags) {
        Set<String> seen = new HashSet<>();
        for (Tag tag : tags) {
            Constraint.TAG_KEY.check("Tags.member.key", tag.key());
            Constraint.TAG_VALUE.check("Tags.member.value", tag.value());
            if (!seen.add(tag.key().toLowerCase(Locale.ROOT))) {
                throw new IamException(ErrorCode.INVALID_INPUT,
                        "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
        }
        if (tags.size() > Quotas.TAGS_PER_ENTITY) {
            throw IamException.limitExceeded("The number of tags has reached the maximum limit.");
        }
        return List.copyOf(tags);
    }

    static List<Tag> merge(List<Tag> existing, List<Tag> added) {
        validated(added);
        List<Tag> merged = new ArrayList<>();
        for (Tag old : existing) {
            if (added.stream().noneMatch(t -> t.key().equalsIgnoreCase(old.key()))) {
                merged.add(old);
            }
        }
        merged.addAll(added);
        if (merged.size() > Quotas.TAGS_PER_ENTITY) {
            throw IamException.limitExceeded("The number of tags has reached the maximum limit.");
        }
        return merged;
    }

    static List<Tag> remove(List<Tag> existing, Collection<String> keys) {
        keys.forEach(key -> Constraint.TAG_KEY.check("TagKeys.member", key));
        List<Tag> kept = new ArrayList<>();
        for (Tag tag : existing) {
            if (keys.stream().noneMatch(k -> k.equalsIgnoreCase(tag.key()))) {
                kept.add(tag);
            }
        }
        return kept;
    }
}
