package io.gatehouse.core.port;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.organization.CreateAccountStatus;
import io.gatehouse.core.organization.MemberAccount;
import io.gatehouse.core.organization.Organization;

import java.util.List;
import java.util.Optional;

/** The organization, its member accounts and the records of CreateAccount requests. */
public interface OrganizationRepository {

    Optional<Organization> find();

    void create(Organization organization, MemberAccount management);

    void addMember(Organization organization, MemberAccount member);

    Optional<MemberAccount> member(AccountId account);

    /** Members ordered by account id, from after {@code marker} (an account id) when given. */
    Page<MemberAccount> members(PageRequest page);

    /** Whether any account's root user has this e-mail address, compared case-insensitively. */
    boolean emailInUse(String email);

    void record(CreateAccountStatus status);

    Optional<CreateAccountStatus> status(String requestId);

    /** Newest first. */
    List<CreateAccountStatus> statuses(int limit);
}
