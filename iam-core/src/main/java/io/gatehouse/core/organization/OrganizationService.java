package io.gatehouse.core.organization;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.PasswordHasher;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Account;
import io.gatehouse.core.identity.PolicyAttachment;
import io.gatehouse.core.identity.PrincipalType;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.port.AccountRepository;
import io.gatehouse.core.port.OrganizationRepository;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.PolicyAttachmentRepository;
import io.gatehouse.core.service.Caller;
import io.gatehouse.core.service.RoleService;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The AWS Organizations calls the AWS CLI uses to make and find accounts. The organization exists
 * from the start, managed by the bootstrapped account (older installations get it on first use),
 * and only that account may call these operations. Each created account gets, as in AWS, a role
 * with administrator permissions that the management account may assume — so automation needs no
 * root password of the new account.
 */
public final class OrganizationService {

    public static final String DEFAULT_ACCESS_ROLE = "OrganizationAccountAccessRole";
    static final String ADMINISTRATOR_ACCESS = "arn:aws:iam::aws:policy/AdministratorAccess";
    static final int MAX_RESULTS = 20;
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern ACCOUNT_NAME = Pattern.compile("[\\u0020-\\u007E]+");
    private static final Pattern REQUEST_ID = Pattern.compile("^car-[a-z0-9]{8,32}$");
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final OrganizationRepository organizations;
    private final AccountRepository accounts;
    private final RoleService roles;
    private final PolicyAttachmentRepository attachments;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OrganizationService(OrganizationRepository organizations, AccountRepository accounts, RoleService roles,
                               PolicyAttachmentRepository attachments, Clock clock) {
        this.organizations = organizations;
        this.accounts = accounts;
        this.roles = roles;
        this.attachments = attachments;
        this.clock = clock;
    }

    /** Makes the organization with {@code management} as its management account, unless one exists. */
    public Organization establish(AccountId management) {
        return organizations.find().orElseGet(() -> {
            Account account = accounts.find(management).orElseThrow();
            Organization organization = new Organization("o-" + randomId(10), management, clock.instant());
            organizations.create(organization, new MemberAccount(account, MemberAccount.JoinedMethod.INVITED,
                    organization.createDate()));
            return organization;
        });
    }

    /** The organization as the caller may see it: only its management account calls these operations. */
    public Organization forManagementCaller(Caller caller) {
        Organization organization = organizations.find().orElseThrow(() -> new IamException(
                ErrorCode.ORGANIZATIONS_NOT_IN_USE, "Your account is not a member of an organization."));
        if (!organization.managementAccount().equals(caller.account())) {
            throw new IamException(ErrorCode.ORGANIZATIONS_ACCESS_DENIED,
                    "You don't have permissions to access this resource: only the organization's management account may call this operation.");
        }
        return organization;
    }

    /**
     * Creates the account in the request. A refusal that AWS reports asynchronously (an e-mail
     * already in use) is recorded as a FAILED status, as AWS's clients expect to find it.
     */
    public CreateAccountStatus createAccount(Organization organization, String email, String accountName,
                                             Optional<String> roleName, List<Tag> tags) {
        check("Email", email, 6, 64, EMAIL);
        check("AccountName", accountName, 1, 50, ACCOUNT_NAME);
        String role = roleName.orElse(DEFAULT_ACCESS_ROLE);
        check("RoleName", role, 1, 64, ROLE_NAME);
        String requestId = "car-" + randomId(32);
        Instant now = clock.instant();
        if (organizations.emailInUse(email)) {
            CreateAccountStatus failed = CreateAccountStatus.failed(requestId, accountName, now, "EMAIL_ALREADY_EXISTS");
            organizations.record(failed);
            return failed;
        }
        Account account = new Account(AccountId.random(random), accountName, email, now);
        accounts.create(account, PasswordHasher.NO_PASSWORD);
        organizations.addMember(organization, new MemberAccount(account, MemberAccount.JoinedMethod.CREATED, now));
        Role access = roles.create(account.id(), new RoleService.NewRole(role, Optional.empty(),
                trustingManagementAccount(organization.managementAccount()),
                Optional.of("Administrator access for the organization's management account"),
                Optional.empty(), Optional.empty(), tags));
        attachments.attach(account.id(), new PolicyAttachment(ADMINISTRATOR_ACCESS, PrincipalType.ROLE, access.roleId(),
                PolicyAttachment.Kind.PERMISSIONS));
        CreateAccountStatus succeeded = CreateAccountStatus.succeeded(requestId, accountName, now, account.id());
        organizations.record(succeeded);
        return succeeded;
    }

    public CreateAccountStatus createAccountStatus(String requestId) {
        if (requestId.length() > 36 || !REQUEST_ID.matcher(requestId).matches()) {
            throw invalid("CreateAccountRequestId", requestId);
        }
        return organizations.status(requestId).orElseThrow(() -> new IamException(
                ErrorCode.CREATE_ACCOUNT_STATUS_NOT_FOUND, "We can't find an create account request with the CreateAccountRequestId that you specified."));
    }

    public Page<MemberAccount> listAccounts(Optional<String> nextToken, Optional<Integer> maxResults) {
        int max = maxResults.orElse(MAX_RESULTS);
        if (max < 1 || max > MAX_RESULTS) {
            throw invalid("MaxResults", Integer.toString(max));
        }
        return organizations.members(new PageRequest(nextToken, max));
    }

    public MemberAccount describeAccount(String accountId) {
        if (!AccountId.isValid(accountId)) {
            throw invalid("AccountId", accountId);
        }
        return organizations.member(new AccountId(accountId)).orElseThrow(() -> new IamException(
                ErrorCode.ACCOUNT_NOT_FOUND, "You specified an account that doesn't exist."));
    }

    public Account managementAccount(Organization organization) {
        return accounts.find(organization.managementAccount()).orElseThrow();
    }

    private static String trustingManagementAccount(AccountId management) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                + management.value() + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    private static void check(String parameter, String value, int min, int max, Pattern pattern) {
        if (value.length() < min || value.length() > max || !pattern.matcher(value).matches()) {
            throw invalid(parameter, value);
        }
    }

    /** Organizations words validation failures as InvalidInputException naming the parameter. */
    private static IamException invalid(String parameter, String value) {
        return new IamException(ErrorCode.ORGANIZATIONS_INVALID_INPUT,
                "You provided a value that does not match the required pattern for " + parameter + ": '" + value + "'.");
    }

    private String randomId(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString().toLowerCase(Locale.ROOT);
    }
}
