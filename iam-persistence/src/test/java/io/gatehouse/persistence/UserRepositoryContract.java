package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.identity.AccessKey;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

abstract class UserRepositoryContract extends RepositoryContract {

    @Test
    void findsCreatedUserByNameInAnyCase() {
        AccountId account = givenAccount();
        User alice = givenUser(account, "Alice", "/engineering/");

        assertEquals(Optional.of(alice), store.inTransaction(r -> r.users().findByName(account, "alice")));
        assertEquals(Optional.of(alice), store.inTransaction(r -> r.users().findByName(account, "ALICE")));
        assertEquals("Alice", store.inTransaction(r -> r.users().findByName(account, "aLiCe")).orElseThrow().name());
    }

    @Test
    void findsUserById() {
        AccountId account = givenAccount();
        User bob = givenUser(account, "bob");

        assertEquals(Optional.of(bob), store.inTransaction(r -> r.users().findById(bob.userId())));
        assertEquals(Optional.empty(), store.inTransaction(r -> r.users().findById("AIDANOSUCHUSER000000")));
    }

    @Test
    void namesAreScopedToTheAccount() {
        AccountId one = givenAccount();
        AccountId two = givenAccount();
        givenUser(one, "carol");

        assertEquals(Optional.empty(), store.inTransaction(r -> r.users().findByName(two, "carol")));
        User otherCarol = givenUser(two, "Carol");
        assertEquals(Optional.of(otherCarol), store.inTransaction(r -> r.users().findByName(two, "carol")));
    }

    @Test
    void renameKeepsTheUserId() {
        AccountId account = givenAccount();
        User dave = givenUser(account, "dave");

        User renamed = dave.withNameAndPath("David", "/ops/");
        store.run(r -> r.users().update(renamed));

        assertEquals(Optional.empty(), store.inTransaction(r -> r.users().findByName(account, "dave")));
        User found = store.inTransaction(r -> r.users().findByName(account, "david")).orElseThrow();
        assertEquals(dave.userId(), found.userId());
        assertEquals("David", found.name());
        assertEquals("/ops/", found.path());
    }

    @Test
    void caseOnlyRenameIsNotACollisionWithItself() {
        AccountId account = givenAccount();
        User erin = givenUser(account, "erin");

        store.run(r -> r.users().update(erin.withNameAndPath("ERIN", "/")));

        assertEquals("ERIN", store.inTransaction(r -> r.users().findById(erin.userId())).orElseThrow().name());
    }

    @Test
    void databaseRejectsSecondUserWhoseNameDiffersOnlyInCase() {
        AccountId account = givenAccount();
        givenUser(account, "frank");

        // Straight to the repository: no service-level lookup stands in the way, only the database.
        var error = assertIamError(ErrorCode.ENTITY_ALREADY_EXISTS,
                () -> store.run(r -> r.users().create(user(account, "FRANK"))));

        assertEquals("User with name FRANK already exists.", error.getMessage());
        assertEquals(1, count(r -> r.users().count(account)));
    }

    @Test
    void databaseRejectsRenameOntoAnotherUsersName() {
        AccountId account = givenAccount();
        givenUser(account, "grace");
        User heidi = givenUser(account, "heidi");

        var error = assertIamError(ErrorCode.ENTITY_ALREADY_EXISTS,
                () -> store.run(r -> r.users().update(heidi.withNameAndPath("Grace", "/"))));

        assertEquals("User with name Grace already exists.", error.getMessage());
        assertEquals("heidi", store.inTransaction(r -> r.users().findById(heidi.userId())).orElseThrow().name());
    }

    @Test
    void tagsKeepTheirOrderAndAreReplacedWhole() {
        AccountId account = givenAccount();
        List<Tag> tags = List.of(new Tag("team", "blue"), new Tag("Cost-Center", "42"), new Tag("a", ""));
        User ivan = givenUser(account, "ivan", "/", tags.toArray(Tag[]::new));

        assertEquals(tags, store.inTransaction(r -> r.users().findById(ivan.userId())).orElseThrow().tags());

        List<Tag> retagged = List.of(new Tag("z", "last"), new Tag("team", "red"));
        store.run(r -> r.users().update(ivan.withTags(retagged)));
        assertEquals(retagged, store.inTransaction(r -> r.users().findById(ivan.userId())).orElseThrow().tags());
    }

    @Test
    void pagesThroughUsersInNameOrderWithMarkers() {
        AccountId account = givenAccount();
        List<String> names = List.of("user-g", "User-A", "user-e", "USER-C", "user-b", "user-f", "user-d");
        names.forEach(name -> givenUser(account, name));

        Page<User> first = store.inTransaction(r -> r.users().list(account, "/", PageRequest.first(3)));
        Page<User> second = store.inTransaction(r -> r.users().list(account, "/",
                new PageRequest(first.nextMarker(), 3)));
        Page<User> third = store.inTransaction(r -> r.users().list(account, "/",
                new PageRequest(second.nextMarker(), 3)));

        assertEquals(List.of("User-A", "user-b", "USER-C"), names(first));
        assertEquals(List.of("user-d", "user-e", "user-f"), names(second));
        assertEquals(List.of("user-g"), names(third));
        assertTrue(first.isTruncated());
        assertTrue(second.isTruncated());
        assertFalse(third.isTruncated());
    }

    @Test
    void ordersNamesByteWiseOnEveryDatabase() {
        AccountId account = givenAccount();
        List.of("a_b", "ab", "A-b", "a.b", "a0").forEach(name -> givenUser(account, name));

        // A locale collation would ignore the punctuation; markers need one order everywhere.
        assertEquals(List.of("A-b", "a.b", "a0", "a_b", "ab"),
                names(store.inTransaction(r -> r.users().list(account, "/", PageRequest.first(10)))));
    }

    @Test
    void exactlyFullPageHasNoMarker() {
        AccountId account = givenAccount();
        IntStream.range(0, 3).forEach(i -> givenUser(account, "full" + i));

        Page<User> page = store.inTransaction(r -> r.users().list(account, "/", PageRequest.first(3)));

        assertEquals(3, page.items().size());
        assertFalse(page.isTruncated());
    }

    @Test
    void filtersByPathPrefixTakenLiterally() {
        AccountId account = givenAccount();
        givenUser(account, "in-prefix", "/a_b/");
        givenUser(account, "deeper", "/a_b/c/");
        givenUser(account, "underscore-is-not-a-wildcard", "/axb/");
        givenUser(account, "percent-is-not-a-wildcard", "/a%b/");

        Page<User> page = store.inTransaction(r -> r.users().list(account, "/a_b/", PageRequest.first(10)));

        assertEquals(List.of("deeper", "in-prefix"), names(page));
        assertEquals(List.of("percent-is-not-a-wildcard"),
                names(store.inTransaction(r -> r.users().list(account, "/a%", PageRequest.first(10)))));
        assertEquals(4, store.inTransaction(r -> r.users().list(account, "/", PageRequest.first(10))).items().size());
    }

    @Test
    void rejectsAMarkerThatIsNotOurs() {
        AccountId account = givenAccount();

        assertIamError(ErrorCode.VALIDATION_ERROR, () -> store.inTransaction(
                r -> r.users().list(account, "/", new PageRequest(Optional.of("not base64!"), 3))));
    }

    @Test
    void countsUsersOfTheAccount() {
        AccountId account = givenAccount();
        givenUser(account, "one");
        givenUser(account, "two");
        givenUser(givenAccount(), "elsewhere");

        assertEquals(2, count(r -> r.users().count(account)));
    }

    @Test
    void deletesUserWithItsTags() {
        AccountId account = givenAccount();
        User judy = givenUser(account, "judy", "/", new Tag("k", "v"));

        store.run(r -> r.users().delete(judy));

        assertEquals(Optional.empty(), store.inTransaction(r -> r.users().findById(judy.userId())));
        assertEquals(0, count(r -> r.users().count(account)));
    }

    @Test
    void refusesToDeleteUserThatStillHasAccessKeys() {
        AccountId account = givenAccount();
        User ken = givenUser(account, "ken");
        AccessKey key = key(account, Optional.of(ken.userId()), new byte[] {1, 2, 3}, T0);
        store.run(r -> r.accessKeys().create(key));

        assertIamError(ErrorCode.DELETE_CONFLICT, () -> store.run(r -> r.users().delete(ken)));
        assertTrue(store.inTransaction(r -> r.users().findById(ken.userId())).isPresent());
    }

    static List<String> names(Page<User> page) {
        return page.items().stream().map(User::name).toList();
    }
}
