package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

abstract class GroupMembershipContract extends RepositoryContract {

    @Test
    void addedUserIsAMember() {
        AccountId account = givenAccount();
        Group group = givenGroup(account, "team");
        User user = givenUser(account, "alice");
        User outsider = givenUser(account, "bob");

        store.run(r -> r.groups().addMember(group, user));

        assertTrue(holds(r -> r.groups().isMember(group, user)));
        assertFalse(holds(r -> r.groups().isMember(group, outsider)));
    }

    @Test
    void removedUserIsNoLongerAMember() {
        AccountId account = givenAccount();
        Group group = givenGroup(account, "team");
        User user = givenUser(account, "alice");
        store.run(r -> r.groups().addMember(group, user));

        store.run(r -> r.groups().removeMember(group, user));

        assertFalse(holds(r -> r.groups().isMember(group, user)));
        assertEquals(0, count(r -> r.groups().countMembers(group)));
    }

    @Test
    void countsMembersAndGroupsOfAUser() {
        AccountId account = givenAccount();
        Group one = givenGroup(account, "one");
        Group two = givenGroup(account, "two");
        User alice = givenUser(account, "alice");
        User bob = givenUser(account, "bob");

        store.run(r -> {
            r.groups().addMember(one, alice);
            r.groups().addMember(two, alice);
            r.groups().addMember(one, bob);
        });

        assertEquals(2, count(r -> r.groups().countMembers(one)));
        assertEquals(1, count(r -> r.groups().countMembers(two)));
        assertEquals(2, count(r -> r.groups().countGroupsOfUser(alice)));
        assertEquals(1, count(r -> r.groups().countGroupsOfUser(bob)));
    }

    @Test
    void pagesThroughGroupsOfAUser() {
        AccountId account = givenAccount();
        User user = givenUser(account, "joiner");
        givenGroup(account, "not-joined");
        List.of("e", "A", "c", "D", "b").forEach(name -> {
            Group group = givenGroup(account, name);
            store.run(r -> r.groups().addMember(group, user));
        });

        Page<Group> first = store.inTransaction(r -> r.groups().listForUser(user, PageRequest.first(2)));
        Page<Group> second = store.inTransaction(r -> r.groups().listForUser(user,
                new PageRequest(first.nextMarker(), 2)));
        Page<Group> third = store.inTransaction(r -> r.groups().listForUser(user,
                new PageRequest(second.nextMarker(), 2)));

        assertEquals(List.of("A", "b"), GroupRepositoryContract.names(first));
        assertEquals(List.of("c", "D"), GroupRepositoryContract.names(second));
        assertEquals(List.of("e"), GroupRepositoryContract.names(third));
        assertFalse(third.isTruncated());
    }

    @Test
    void pagesThroughMembersWithTheirTags() {
        AccountId account = givenAccount();
        Group group = givenGroup(account, "big");
        givenUser(account, "outsider");
        List.of("u7", "U1", "u5", "u3", "U2", "u6", "u4").forEach(name -> {
            User user = givenUser(account, name, "/", new Tag("name", name));
            store.run(r -> r.groups().addMember(group, user));
        });

        Page<User> first = store.inTransaction(r -> r.groups().members(group, PageRequest.first(3)));
        Page<User> second = store.inTransaction(r -> r.groups().members(group, new PageRequest(first.nextMarker(), 3)));
        Page<User> third = store.inTransaction(r -> r.groups().members(group, new PageRequest(second.nextMarker(), 3)));

        assertEquals(List.of("U1", "U2", "u3"), UserRepositoryContract.names(first));
        assertEquals(List.of("u4", "u5", "u6"), UserRepositoryContract.names(second));
        assertEquals(List.of("u7"), UserRepositoryContract.names(third));
        assertTrue(first.isTruncated());
        assertFalse(third.isTruncated());
        assertEquals(List.of(new Tag("name", "u5")), second.items().get(1).tags());
    }
}
