package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.identity.MaxSessionDuration;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

abstract class RoleRepositoryContract extends RepositoryContract {

    static final String TRUST_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
            "Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    static Role role(AccountId account, String name, String path) {
        return new Role(account, uniqueId("AROA"), name, path, T0, TRUST_POLICY, Optional.empty(),
                MaxSessionDuration.DEFAULT, List.of());
    }

    Role givenRole(AccountId account, String name) {
        Role role = role(account, name, "/");
        store.run(r -> r.roles().create(role));
        return role;
    }

    @Test
    void keepsEveryFieldOfARole() {
        AccountId account = givenAccount();
        Role role = new Role(account, uniqueId("AROA"), "Deployer", "/ci/", T0, TRUST_POLICY,
                Optional.of("Deploys from CI"), new MaxSessionDuration(7200),
                List.of(new Tag("team", "blue"), new Tag("Cost", "42")));

        store.run(r -> r.roles().create(role));

        assertEquals(Optional.of(role), store.inTransaction(r -> r.roles().findByName(account, "deployer")));
    }

    @Test
    void databaseRejectsSecondRoleWhoseNameDiffersOnlyInCase() {
        AccountId account = givenAccount();
        givenRole(account, "builder");

        var error = assertIamError(ErrorCode.ENTITY_ALREADY_EXISTS,
                () -> store.run(r -> r.roles().create(role(account, "BUILDER", "/"))));

        assertEquals("Role with name BUILDER already exists.", error.getMessage());
        assertEquals(1, count(r -> r.roles().count(account)));
    }

    @Test
    void theSameNameMayLiveInTwoAccounts() {
        givenRole(givenAccount(), "shared");
        AccountId other = givenAccount();

        givenRole(other, "Shared");

        assertEquals(1, count(r -> r.roles().count(other)));
    }

    @Test
    void updateSavesTrustPolicyDescriptionDurationAndTags() {
        AccountId account = givenAccount();
        Role role = givenRole(account, "ops");
        Role changed = role.withTrustPolicy(TRUST_POLICY.replace("ec2", "lambda")).withDescription("operators")
                .withMaxSessionDuration(new MaxSessionDuration(43200)).withTags(List.of(new Tag("k", "v")));

        store.run(r -> r.roles().update(changed));

        assertEquals(Optional.of(changed), store.inTransaction(r -> r.roles().findByName(account, "ops")));
    }

    @Test
    void pagesThroughRolesInNameOrderFilteredByPath() {
        AccountId account = givenAccount();
        List.of("r3", "R1", "r2").forEach(name -> store.run(r -> r.roles().create(role(account, name, "/app/"))));
        store.run(r -> r.roles().create(role(account, "r0", "/other/")));

        Page<Role> first = store.inTransaction(r -> r.roles().list(account, "/app/", PageRequest.first(2)));
        Page<Role> second = store.inTransaction(r -> r.roles().list(account, "/app/",
                new PageRequest(first.nextMarker(), 2)));

        assertEquals(List.of("R1", "r2"), first.items().stream().map(Role::name).toList());
        assertTrue(first.isTruncated());
        assertEquals(List.of("r3"), second.items().stream().map(Role::name).toList());
        assertEquals(Optional.empty(), second.nextMarker());
    }

    @Test
    void deleteRemovesTheRoleWithItsTags() {
        AccountId account = givenAccount();
        Role role = role(account, "temp", "/").withTags(List.of(new Tag("a", "b")));
        store.run(r -> r.roles().create(role));

        store.run(r -> r.roles().delete(role));

        assertEquals(Optional.empty(), store.inTransaction(r -> r.roles().findByName(account, "temp")));
    }

    @Test
    void findsARoleByItsId() {
        AccountId account = givenAccount();
        Role role = givenRole(account, "byid");

        assertEquals(Optional.of(role), store.inTransaction(r -> r.roles().findById(role.roleId())));
        assertEquals(Optional.empty(), store.inTransaction(r -> r.roles().findById("AROAMISSING")));
    }

    @Test
    void keepsInlineRolePoliciesByNameInAnyCaseAndDeletesThem() {
        AccountId account = givenAccount();
        Role role = givenRole(account, "inline");
        Role other = givenRole(account, "other");
        store.run(r -> r.roles().putInlinePolicy(role, "Read", "{\"v\":1}"));
        store.run(r -> r.roles().putInlinePolicy(role, "read", "{\"v\":2}"));
        store.run(r -> r.roles().putInlinePolicy(role, "A", "{}"));
        store.run(r -> r.roles().putInlinePolicy(other, "z", "{}"));

        assertEquals(Optional.of("{\"v\":2}"), store.inTransaction(r -> r.roles().inlinePolicy(role, "READ")));
        assertEquals(List.of("A", "read"), store.inTransaction(r -> r.roles().inlinePolicyNames(role)));
        assertEquals(true, store.inTransaction(r -> r.roles().deleteInlinePolicy(role, "Read")));
        assertEquals(false, store.inTransaction(r -> r.roles().deleteInlinePolicy(role, "read")));
        assertEquals(List.of("A"), store.inTransaction(r -> r.roles().inlinePolicyNames(role)));
        assertEquals(List.of("z"), store.inTransaction(r -> r.roles().inlinePolicyNames(other)));
    }

    @Test
    void aRolesLastUseIsKeptBesideItWithoutChangingIt() {
        AccountId account = givenAccount();
        Role role = givenRole(account, "assumed");
        assertEquals(Optional.empty(), store.inTransaction(r -> r.roles().lastUsed(role)));

        store.run(r -> r.roles().recordUse(role, new io.gatehouse.core.identity.RoleLastUsed(T0, "eu-west-1")));
        store.run(r -> r.roles().update(role.withDescription("still updatable after a use")));

        assertEquals(Optional.of(new io.gatehouse.core.identity.RoleLastUsed(T0, "eu-west-1")),
                store.inTransaction(r -> r.roles().lastUsed(role)));
        assertEquals(Optional.of("still updatable after a use"),
                store.inTransaction(r -> r.roles().findById(role.roleId())).orElseThrow().description());
    }
}
