package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.policy.PolicyQuota;
import io.gatehouse.core.identity.AccountSecurityStatus;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.PasswordPolicyRepository;
import io.gatehouse.core.port.AccessKeyRepository;
import io.gatehouse.core.port.AccountAliasRepository;
import io.gatehouse.core.port.GroupRepository;
import io.gatehouse.core.port.InstanceProfileRepository;
import io.gatehouse.core.port.RoleRepository;
import io.gatehouse.core.port.UserRepository;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Account-level operations: the account alias and the account summary. */
public final class AccountService {

    private final AccountAliasRepository aliases;
    private final UserRepository users;
    private final GroupRepository groups;
    private final RoleRepository roles;
    private final InstanceProfileRepository instanceProfiles;
    private final AccessKeyRepository accessKeys;
    private final PasswordPolicyRepository passwordPolicies;

    public AccountService(AccountAliasRepository aliases, UserRepository users, GroupRepository groups,
                          RoleRepository roles, InstanceProfileRepository instanceProfiles,
                          AccessKeyRepository accessKeys, PasswordPolicyRepository passwordPolicies) {
        this.passwordPolicies = passwordPolicies;
        this.aliases = aliases;
        this.users = users;
        this.groups = groups;
        this.roles = roles;
        this.instanceProfiles = instanceProfiles;
        this.accessKeys = accessKeys;
    }

    /**
     * An account has at most one alias; a new one replaces the old (AWS Sign-In guide). The alias
     * must not belong to another account of this server: it names the sign-in page.
     */
    public void createAlias(AccountId account, String alias) {
        Constraint.ACCOUNT_ALIAS.check("AccountAlias", alias);
        if (aliases.find(account).filter(alias::equals).isPresent()) {
            return;
        }
        aliases.put(account, alias);
    }

    public List<String> listAliases(AccountId account) {
        return aliases.find(account).stream().toList();
    }

    public void deleteAlias(AccountId account, String alias) {
        Constraint.ACCOUNT_ALIAS.check("AccountAlias", alias);
        Optional<String> current = aliases.find(account);
        if (current.filter(alias::equals).isEmpty()) {
            throw IamException.noSuchEntity("The account alias " + alias + " cannot be found.");
        }
        aliases.delete(account);
    }

    /**
     * The root user's security checklist. Root MFA devices are enrolled through the console, which
     * Gatehouse does not have yet, so no root device can be active and the check reads false.
     */
    public AccountSecurityStatus securityStatus(AccountId account) {
        boolean groupsInUse = groups.list(account, "/", PageRequest.first(1000)).items().stream()
                .anyMatch(group -> groups.countMembers(group) > 0);
        return new AccountSecurityStatus(accessKeys.countFor(account, Optional.empty()) > 0, false,
                users.count(account) > 0, groupsInUse, passwordPolicies.find(account).isPresent());
    }

    /**
     * GetAccountSummary's keys, limited to what Gatehouse counts or enforces today; counts it does
     * not keep yet (policies, MFA devices, certificates, providers) are left out rather than
     * reported as zero, while the quotas it enforces are all given.
     */
    public Map<String, Integer> summary(AccountId account) {
        Map<String, Integer> summary = new LinkedHashMap<>();
        summary.put("Users", (int) users.count(account));
        summary.put("UsersQuota", Quotas.USERS_PER_ACCOUNT);
        summary.put("Groups", (int) groups.count(account));
        summary.put("GroupsQuota", Quotas.GROUPS_PER_ACCOUNT);
        summary.put("GroupsPerUserQuota", Quotas.GROUPS_PER_USER);
        summary.put("AccessKeysPerUserQuota", Quotas.ACCESS_KEYS_PER_USER);
        summary.put("AccountAccessKeysPresent", accessKeys.countFor(account, Optional.empty()) > 0 ? 1 : 0);
        summary.put("Roles", (int) roles.count(account));
        summary.put("RolesQuota", Quotas.ROLES_PER_ACCOUNT);
        summary.put("InstanceProfiles", (int) instanceProfiles.count(account));
        summary.put("InstanceProfilesQuota", Quotas.INSTANCE_PROFILES_PER_ACCOUNT);
        summary.put("AssumeRolePolicySizeQuota", Quotas.TRUST_POLICY_SIZE);
        summary.put("PoliciesQuota", Quotas.MANAGED_POLICIES_PER_ACCOUNT);
        summary.put("PolicySizeQuota", PolicyQuota.MANAGED.maxCharacters());
        summary.put("VersionsPerPolicyQuota", Quotas.VERSIONS_PER_MANAGED_POLICY);
        summary.put("AttachedPoliciesPerUserQuota", Quotas.MANAGED_POLICIES_PER_IDENTITY);
        summary.put("AttachedPoliciesPerGroupQuota", Quotas.MANAGED_POLICIES_PER_IDENTITY);
        summary.put("AttachedPoliciesPerRoleQuota", Quotas.MANAGED_POLICIES_PER_IDENTITY);
        summary.put("UserPolicySizeQuota", PolicyQuota.INLINE_USER.maxCharacters());
        summary.put("GroupPolicySizeQuota", PolicyQuota.INLINE_GROUP.maxCharacters());
        summary.put("RolePolicySizeQuota", PolicyQuota.INLINE_ROLE.maxCharacters());
        summary.put("MFADevicesPerUserQuota", Quotas.MFA_DEVICES_PER_USER);
        summary.put("SigningCertificatesPerUserQuota", Quotas.SIGNING_CERTIFICATES_PER_USER);
        return summary;
    }
}
