package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.User;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Inline policies of users, and deleting those of groups. */
abstract class InlinePolicyContract extends RepositoryContract {

    @Test
    void putsAndReplacesUserInlinePoliciesByNameInAnyCase() {
        AccountId account = givenAccount();
        User alice = givenUser(account, "alice");

        store.run(r -> r.users().putInlinePolicy(alice, "Keys", "{\"v\":1}"));
        store.run(r -> r.users().putInlinePolicy(alice, "keys", "{\"v\":2}"));

        assertEquals(Optional.of("{\"v\":2}"), store.inTransaction(r -> r.users().inlinePolicy(alice, "KEYS")));
        assertEquals(List.of("keys"), store.inTransaction(r -> r.users().inlinePolicyNames(alice)));
        assertEquals(Optional.empty(), store.inTransaction(r -> r.users().inlinePolicy(alice, "missing")));
    }

    @Test
    void listsUserInlinePolicyNamesInOrderPerUser() {
        AccountId account = givenAccount();
        User bob = givenUser(account, "bob");
        User carol = givenUser(account, "carol");
        store.run(r -> r.users().putInlinePolicy(bob, "b", "{}"));
        store.run(r -> r.users().putInlinePolicy(bob, "A", "{}"));
        store.run(r -> r.users().putInlinePolicy(carol, "c", "{}"));

        assertEquals(List.of("A", "b"), store.inTransaction(r -> r.users().inlinePolicyNames(bob)));
    }

    @Test
    void deletesUserInlinePoliciesAndSaysWhetherOneExisted() {
        AccountId account = givenAccount();
        User dave = givenUser(account, "dave");
        store.run(r -> r.users().putInlinePolicy(dave, "p", "{}"));

        assertEquals(true, store.inTransaction(r -> r.users().deleteInlinePolicy(dave, "P")));
        assertEquals(false, store.inTransaction(r -> r.users().deleteInlinePolicy(dave, "p")));
        assertEquals(List.of(), store.inTransaction(r -> r.users().inlinePolicyNames(dave)));
    }

    @Test
    void deletesGroupInlinePoliciesAndSaysWhetherOneExisted() {
        AccountId account = givenAccount();
        Group ops = givenGroup(account, "ops");
        store.run(r -> r.groups().putInlinePolicy(ops, "p", "{}"));

        assertEquals(true, store.inTransaction(r -> r.groups().deleteInlinePolicy(ops, "p")));
        assertEquals(false, store.inTransaction(r -> r.groups().deleteInlinePolicy(ops, "p")));
    }
}
