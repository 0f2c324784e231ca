package io.gatehouse.core.service;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Tag rules for IAM users: keys case-insensitive but case-preserving, 50 at most. */
class TagSetTest {

    @Test
    void aNewValueReplacesTheOldOneWhateverTheKeysCase() {
        List<Tag> merged = TagSet.merge(List.of(new Tag("Env", "dev"), new Tag("team", "blue")), List.of(new Tag("env", "prod")));

        assertEquals(List.of(new Tag("team", "blue"), new Tag("env", "prod")), merged);
    }

    @Test
    void duplicateKeysInOneRequestAreInvalidInput() {
        IamException e = assertThrows(IamException.class,
                () -> TagSet.validated(List.of(new Tag("a", "1"), new Tag("A", "2"))));

        assertEquals(ErrorCode.INVALID_INPUT, e.code());
    }

    @Test
    void removalMatchesKeysCaseInsensitively() {
        assertEquals(List.of(new Tag("keep", "1")),
                TagSet.remove(List.of(new Tag("keep", "1"), new Tag("Drop", "2")), List.of("DROP")));
    }

    @Test
    void fiftyOneTagsExceedTheLimit() {
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(new Tag("k" + i, "v"));
        }

        IamException e = assertThrows(IamException.class, () -> TagSet.merge(fifty, List.of(new Tag("k50", "v"))));

        assertEquals(ErrorCode.LIMIT_EXCEEDED, e.code());
    }
}
