package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.Account;
import io.gatehouse.core.organization.CreateAccountStatus;
import io.gatehouse.core.organization.MemberAccount;
import io.gatehouse.core.organization.Organization;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

abstract class OrganizationContract extends RepositoryContract {

    /** One organization per database, made by whichever test needs it first. */
    private Organization organization() {
        return store.inTransaction(r -> r.organizations().find().orElseGet(() -> {
            AccountId management = AccountId.random(new java.security.SecureRandom());
            Account account = new Account(management, "management", "mgmt@example.com", T0);
            r.accounts().create(account, "hash");
            Organization created = new Organization("o-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12),
                    management, T0);
            r.organizations().create(created, new MemberAccount(account, MemberAccount.JoinedMethod.INVITED, T0));
            return created;
        }));
    }

    private Account member(Organization organization, String email) {
        AccountId id = AccountId.random(new java.security.SecureRandom());
        Account account = new Account(id, "member", email, T0);
        store.run(r -> {
            r.accounts().create(account, "!");
            r.organizations().addMember(organization, new MemberAccount(account, MemberAccount.JoinedMethod.CREATED, T0));
        });
        return account;
    }

    @Test
    void theOrganizationReadsBackWithItsManagementAccountAsAMember() {
        Organization organization = organization();

        assertEquals(Optional.of(organization), store.inTransaction(r -> r.organizations().find()));
        MemberAccount management = store.inTransaction(r -> r.organizations().member(organization.managementAccount()))
                .orElseThrow();
        assertEquals(MemberAccount.JoinedMethod.INVITED, management.joinedMethod());
        assertEquals("mgmt@example.com", management.account().rootEmail());
    }

    @Test
    void membersPageInAccountIdOrder() {
        Organization organization = organization();
        for (int i = 0; i < 4; i++) {
            member(organization, "page" + i + "@example.com");
        }

        List<String> seen = new ArrayList<>();
        Optional<String> marker = Optional.empty();
        do {
            Optional<String> from = marker;
            Page<MemberAccount> page = store.inTransaction(r -> r.organizations().members(new PageRequest(from, 2)));
            assertTrue(page.items().size() <= 2);
            page.items().forEach(m -> seen.add(m.account().id().value()));
            marker = page.nextMarker();
        } while (marker.isPresent());

        assertEquals(seen.stream().sorted().toList(), seen);
        assertEquals(seen.stream().distinct().count(), seen.size());
        assertTrue(seen.size() >= 5, seen.toString());
    }

    @Test
    void anAccountOutsideTheOrganizationIsNoMember() {
        organization();
        AccountId outsider = givenAccount();

        assertEquals(Optional.empty(), store.inTransaction(r -> r.organizations().member(outsider)));
    }

    @Test
    void rootEmailsCompareCaseInsensitively() {
        Organization organization = organization();
        String email = "Mixed." + UUID.randomUUID().toString().substring(0, 6) + "@Example.com";
        member(organization, email);

        boolean lower = store.inTransaction(r -> r.organizations().emailInUse(email.toLowerCase()));
        boolean upper = store.inTransaction(r -> r.organizations().emailInUse(email.toUpperCase()));
        boolean other = store.inTransaction(r -> r.organizations().emailInUse("nobody-" + email));
        assertTrue(lower);
        assertTrue(upper);
        assertFalse(other);
    }

    @Test
    void createAccountStatusesReadBackNewestFirst() {
        Organization organization = organization();
        Account created = member(organization, "status@example.com");
        CreateAccountStatus older = CreateAccountStatus.failed("car-" + suffix(), "dup", T0, "EMAIL_ALREADY_EXISTS");
        CreateAccountStatus newer = CreateAccountStatus.succeeded("car-" + suffix(), "ok", T0.plusSeconds(5), created.id());

        store.run(r -> {
            r.organizations().record(older);
            r.organizations().record(newer);
        });

        assertEquals(Optional.of(older), store.inTransaction(r -> r.organizations().status(older.id())));
        assertEquals(Optional.of(newer), store.inTransaction(r -> r.organizations().status(newer.id())));
        assertEquals(Optional.empty(), store.inTransaction(r -> r.organizations().status("car-missing00")));
        List<CreateAccountStatus> listed = store.inTransaction(r -> r.organizations().statuses(10));
        assertTrue(listed.indexOf(newer) < listed.indexOf(older), listed.toString());
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
