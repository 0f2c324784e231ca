package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Account;
import io.gatehouse.core.organization.CreateAccountStatus;
import io.gatehouse.core.organization.MemberAccount;
import io.gatehouse.core.organization.Organization;
import io.gatehouse.core.port.OrganizationRepository;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The organization in {@code organizations}, its members in {@code organization_accounts} and
 * CreateAccount records in {@code create_account_requests}. Runs in the caller's transaction.
 */
public final class JpaOrganizationRepository implements OrganizationRepository {

    private final EntityManager em;

    public JpaOrganizationRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    @Override
    public Optional<Organization> find() {
        return em.createQuery("select o from OrganizationEntity o", OrganizationEntity.class)
                .setMaxResults(1)
                .getResultList().stream().findFirst().map(OrganizationEntity::toOrganization);
    }

    @Override
    public void create(Organization organization, MemberAccount management) {
        em.persist(new OrganizationEntity(organization));
        em.persist(new OrganizationAccountEntity(organization.id(), management));
        Flushes.flush(em, () -> IamException.alreadyExists("The organization already exists."));
    }

    @Override
    public void addMember(Organization organization, MemberAccount member) {
        em.persist(new OrganizationAccountEntity(organization.id(), member));
        Flushes.flush(em, () -> IamException.alreadyExists(
                "Account " + member.account().id() + " is already a member of the organization."));
    }

    @Override
    public Optional<MemberAccount> member(AccountId account) {
        return Optional.ofNullable(em.find(OrganizationAccountEntity.class, account.value())).map(this::toMember);
    }

    @Override
    public Page<MemberAccount> members(PageRequest page) {
        List<OrganizationAccountEntity> rows = em.createQuery(
                        "select m from OrganizationAccountEntity m where m.accountId > :after order by m.accountId",
                        OrganizationAccountEntity.class)
                .setParameter("after", page.marker().orElse(""))
                .setMaxResults(page.maxItems() + 1)
                .getResultList();
        boolean more = rows.size() > page.maxItems();
        List<OrganizationAccountEntity> shown = more ? rows.subList(0, page.maxItems()) : rows;
        return new Page<>(shown.stream().map(this::toMember).toList(),
                more ? Optional.of(shown.get(shown.size() - 1).accountId()) : Optional.empty());
    }

    @Override
    public boolean emailInUse(String email) {
        return !em.createQuery("select a.accountId from AccountEntity a where lower(a.rootEmail) = :email", String.class)
                .setParameter("email", email.toLowerCase(Locale.ROOT))
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    @Override
    public void record(CreateAccountStatus status) {
        em.persist(new CreateAccountRequestEntity(status));
        Flushes.flush(em, null);
    }

    @Override
    public Optional<CreateAccountStatus> status(String requestId) {
        return Optional.ofNullable(em.find(CreateAccountRequestEntity.class, requestId))
                .map(CreateAccountRequestEntity::toStatus);
    }

    @Override
    public List<CreateAccountStatus> statuses(int limit) {
        return em.createQuery("select r from CreateAccountRequestEntity r order by r.requestedDate desc, r.requestId",
                        CreateAccountRequestEntity.class)
                .setMaxResults(limit)
                .getResultList().stream().map(CreateAccountRequestEntity::toStatus).toList();
    }

    private MemberAccount toMember(OrganizationAccountEntity row) {
        Account account = em.find(AccountEntity.class, row.accountId()).toAccount();
        return new MemberAccount(account, row.joinedMethod(), row.joinedDate());
    }
}
