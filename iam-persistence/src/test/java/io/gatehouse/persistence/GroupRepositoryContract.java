package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

abstract class GroupRepositoryContract extends RepositoryContract {

    @Test
    void findsCreatedGroupByNameInAnyCase() {
        AccountId account = givenAccount();
        Group admins = givenGroup(account, "Admins", "/it/");

        assertEquals(Optional.of(admins), store.inTransaction(r -> r.groups().findByName(account, "admins")));
        assertEquals(Optional.of(admins), store.inTransaction(r -> r.groups().findByName(account, "ADMINS")));
        assertEquals(Optional.empty(), store.inTransaction(r -> r.groups().findByName(givenAccount(), "admins")));
    }

    @Test
    void renameKeepsTheGroupId() {
        AccountId account = givenAccount();
        Group devs = givenGroup(account, "devs");

        store.run(r -> r.groups().update(devs.withNameAndPath("Developers", "/eng/")));

        assertEquals(Optional.empty(), store.inTransaction(r -> r.groups().findByName(account, "devs")));
        Group found = store.inTransaction(r -> r.groups().findByName(account, "developers")).orElseThrow();
        assertEquals(devs.groupId(), found.groupId());
        assertEquals("Developers", found.name());
        assertEquals("/eng/", found.path());
    }

    @Test
    void databaseRejectsSecondGroupWhoseNameDiffersOnlyInCase() {
        AccountId account = givenAccount();
        givenGroup(account, "auditors");

        var error = assertIamError(ErrorCode.ENTITY_ALREADY_EXISTS,
                () -> store.run(r -> r.groups().create(group(account, "Auditors"))));

        assertEquals("Group with name Auditors already exists.", error.getMessage());
        assertEquals(1, count(r -> r.groups().count(account)));
    }

    @Test
    void databaseRejectsRenameOntoAnotherGroupsName() {
        AccountId account = givenAccount();
        givenGroup(account, "red");
        Group blue = givenGroup(account, "blue");

        assertIamError(ErrorCode.ENTITY_ALREADY_EXISTS,
                () -> store.run(r -> r.groups().update(blue.withNameAndPath("RED", "/"))));
    }

    @Test
    void pagesThroughGroupsInNameOrderWithMarkers() {
        AccountId account = givenAccount();
        List.of("g5", "G1", "g7", "g3", "G2", "g6", "g4").forEach(name -> givenGroup(account, name));

        Page<Group> first = store.inTransaction(r -> r.groups().list(account, "/", PageRequest.first(3)));
        Page<Group> second = store.inTransaction(r -> r.groups().list(account, "/",
                new PageRequest(first.nextMarker(), 3)));
        Page<Group> third = store.inTransaction(r -> r.groups().list(account, "/",
                new PageRequest(second.nextMarker(), 3)));

        assertEquals(List.of("G1", "G2", "g3"), names(first));
        assertEquals(List.of("g4", "g5", "g6"), names(second));
        assertEquals(List.of("g7"), names(third));
        assertTrue(second.isTruncated());
        assertFalse(third.isTruncated());
    }

    @Test
    void filtersGroupsByPathPrefix() {
        AccountId account = givenAccount();
        givenGroup(account, "finance-team", "/finance/");
        givenGroup(account, "payroll", "/finance/payroll/");
        givenGroup(account, "sales-team", "/sales/");

        assertEquals(List.of("finance-team", "payroll"), names(store.inTransaction(
                r -> r.groups().list(account, "/finance/", PageRequest.first(10)))));
        assertEquals(List.of("payroll"), names(store.inTransaction(
                r -> r.groups().list(account, "/finance/p", PageRequest.first(10)))));
    }

    @Test
    void countsGroupsOfTheAccount() {
        AccountId account = givenAccount();
        givenGroup(account, "a");
        givenGroup(account, "b");
        givenGroup(givenAccount(), "a");

        assertEquals(2, count(r -> r.groups().count(account)));
    }

    @Test
    void deletesGroupWithItsInlinePolicies() {
        AccountId account = givenAccount();
        Group temp = givenGroup(account, "temp");
        store.run(r -> r.groups().putInlinePolicy(temp, "p", "{}"));

        store.run(r -> r.groups().delete(temp));

        assertEquals(Optional.empty(), store.inTransaction(r -> r.groups().findByName(account, "temp")));
        assertEquals(List.of(), store.inTransaction(r -> r.groups().inlinePolicyNames(temp)));
    }

    @Test
    void refusesToDeleteGroupThatStillHasMembers() {
        AccountId account = givenAccount();
        Group crew = givenGroup(account, "crew");
        User member = givenUser(account, "member");
        store.run(r -> r.groups().addMember(crew, member));

        assertIamError(ErrorCode.DELETE_CONFLICT, () -> store.run(r -> r.groups().delete(crew)));
        assertTrue(store.inTransaction(r -> r.groups().findByName(account, "crew")).isPresent());
    }

    @Test
    void putsAndReplacesInlinePolicies() {
        AccountId account = givenAccount();
        Group ops = givenGroup(account, "ops");

        store.run(r -> r.groups().putInlinePolicy(ops, "ReadOnly", "{\"v\":1}"));
        store.run(r -> r.groups().putInlinePolicy(ops, "readonly", "{\"v\":2}"));

        assertEquals(Optional.of("{\"v\":2}"), store.inTransaction(r -> r.groups().inlinePolicy(ops, "READONLY")));
        assertEquals(List.of("readonly"), store.inTransaction(r -> r.groups().inlinePolicyNames(ops)));
        assertEquals(Optional.empty(), store.inTransaction(r -> r.groups().inlinePolicy(ops, "missing")));
    }

    @Test
    void listsInlinePolicyNamesInOrder() {
        AccountId account = givenAccount();
        Group ops = givenGroup(account, "ops");
        Group other = givenGroup(account, "other");
        String large = "{\"Statement\":\"" + "x".repeat(10_000) + "\"}";

        store.run(r -> {
            r.groups().putInlinePolicy(ops, "Zeta", large);
            r.groups().putInlinePolicy(ops, "alpha", "{}");
            r.groups().putInlinePolicy(ops, "Beta", "{}");
            r.groups().putInlinePolicy(other, "gamma", "{}");
        });

        assertEquals(List.of("alpha", "Beta", "Zeta"), store.inTransaction(r -> r.groups().inlinePolicyNames(ops)));
        assertEquals(Optional.of(large), store.inTransaction(r -> r.groups().inlinePolicy(ops, "zeta")));
    }

    static List<String> names(Page<Group> page) {
        return page.items().stream().map(Group::name).toList();
    }
}
