package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.identity.InstanceProfile;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

abstract class InstanceProfileRepositoryContract extends RepositoryContract {

    private static InstanceProfile profile(AccountId account, String name) {
        return new InstanceProfile(account, uniqueId("AIPA"), name, "/", T0, List.of(), List.of());
    }

    private InstanceProfile givenProfile(AccountId account, String name) {
        InstanceProfile profile = profile(account, name);
        store.run(r -> r.instanceProfiles().create(profile));
        return profile;
    }

    private Role givenRole(AccountId account, String name) {
        Role role = RoleRepositoryContract.role(account, name, "/");
        store.run(r -> r.roles().create(role));
        return role;
    }

    private InstanceProfile find(AccountId account, String name) {
        return store.inTransaction(r -> r.instanceProfiles().findByName(account, name)).orElseThrow();
    }

    @Test
    void findsAProfileByNameInAnyCaseWithItsRole() {
        AccountId account = givenAccount();
        InstanceProfile web = givenProfile(account, "WebServer");
        Role role = givenRole(account, "web");

        store.run(r -> r.instanceProfiles().addRole(web, role));

        assertEquals(web.withRoles(List.of(role)), find(account, "webserver"));
    }

    @Test
    void keepsTagsInTheirOrderAndSavesChanges() {
        AccountId account = givenAccount();
        InstanceProfile profile = profile(account, "tagged").withTags(List.of(new Tag("z", "1"), new Tag("a", "2")));
        store.run(r -> r.instanceProfiles().create(profile));
        assertEquals(profile, find(account, "tagged"));

        InstanceProfile retagged = profile.withTags(List.of(new Tag("a", "3")));
        store.run(r -> r.instanceProfiles().update(retagged));

        assertEquals(retagged, find(account, "tagged"));
    }

    @Test
    void databaseRejectsSecondProfileWhoseNameDiffersOnlyInCase() {
        AccountId account = givenAccount();
        givenProfile(account, "batch");

        assertIamError(ErrorCode.ENTITY_ALREADY_EXISTS,
                () -> store.run(r -> r.instanceProfiles().create(profile(account, "Batch"))));
    }

    @Test
    void databaseHoldsAtMostOneRolePerProfile() {
        AccountId account = givenAccount();
        InstanceProfile profile = givenProfile(account, "single");
        Role first = givenRole(account, "first");
        Role second = givenRole(account, "second");
        store.run(r -> r.instanceProfiles().addRole(profile, first));

        assertIamError(ErrorCode.LIMIT_EXCEEDED, () -> store.run(r -> r.instanceProfiles().addRole(profile, second)));
        assertEquals(List.of(first), find(account, "single").roles());
    }

    @Test
    void listsTheProfilesOfARole() {
        AccountId account = givenAccount();
        Role role = givenRole(account, "shared");
        InstanceProfile b = givenProfile(account, "b-profile");
        InstanceProfile a = givenProfile(account, "a-profile");
        givenProfile(account, "c-profile");
        store.run(r -> r.instanceProfiles().addRole(b, role));
        store.run(r -> r.instanceProfiles().addRole(a, role));

        Page<InstanceProfile> page = store.inTransaction(r -> r.instanceProfiles().listForRole(role, PageRequest.first(10)));

        assertEquals(List.of("a-profile", "b-profile"), page.items().stream().map(InstanceProfile::name).toList());
        assertEquals(2, count(r -> r.instanceProfiles().countForRole(role)));
    }

    @Test
    void pagesThroughProfilesWithTheirRoles() {
        AccountId account = givenAccount();
        Role role = givenRole(account, "r");
        InstanceProfile p1 = givenProfile(account, "p1");
        givenProfile(account, "p2");
        givenProfile(account, "p3");
        store.run(r -> r.instanceProfiles().addRole(p1, role));

        Page<InstanceProfile> first = store.inTransaction(r -> r.instanceProfiles().list(account, "/", PageRequest.first(2)));
        Page<InstanceProfile> second = store.inTransaction(r -> r.instanceProfiles().list(account, "/",
                new PageRequest(first.nextMarker(), 2)));

        assertEquals(List.of(role), first.items().get(0).roles());
        assertEquals(List.of(), first.items().get(1).roles());
        assertEquals(List.of("p3"), second.items().stream().map(InstanceProfile::name).toList());
    }

    @Test
    void databaseRefusesToDeleteARoleAProfileHolds() {
        AccountId account = givenAccount();
        InstanceProfile profile = givenProfile(account, "holder");
        Role role = givenRole(account, "held");
        store.run(r -> r.instanceProfiles().addRole(profile, role));

        assertIamError(ErrorCode.DELETE_CONFLICT, () -> store.run(r -> r.roles().delete(role)));
    }

    @Test
    void databaseRefusesToDeleteAProfileHoldingARole() {
        AccountId account = givenAccount();
        InstanceProfile profile = givenProfile(account, "keeper");
        Role role = givenRole(account, "kept");
        store.run(r -> r.instanceProfiles().addRole(profile, role));

        assertIamError(ErrorCode.DELETE_CONFLICT, () -> store.run(r -> r.instanceProfiles().delete(profile)));
    }

    @Test
    void removingTheRoleLetsBothBeDeleted() {
        AccountId account = givenAccount();
        InstanceProfile profile = givenProfile(account, "temporary");
        Role role = givenRole(account, "passing");
        store.run(r -> r.instanceProfiles().addRole(profile, role));

        store.run(r -> r.instanceProfiles().removeRole(profile, role));
        store.run(r -> r.instanceProfiles().delete(profile));
        store.run(r -> r.roles().delete(role));

        assertEquals(Optional.empty(), store.inTransaction(r -> r.instanceProfiles().findByName(account, "temporary")));
        assertEquals(0, count(r -> r.instanceProfiles().count(account)));
    }
}
