package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.policy.PolicyKind;
import io.gatehouse.core.policy.PolicyParser;
import io.gatehouse.core.policy.PolicyQuota;
import io.gatehouse.core.port.GroupRepository;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.port.RoleRepository;
import io.gatehouse.core.port.UserRepository;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Inline policies embedded in users, groups and roles: PutUserPolicy, GetUserPolicy,
 * DeleteUserPolicy, ListUserPolicies and their group and role counterparts. A document is validated as an identity policy;
 * the size quota is AWS's aggregate one (all inline policies of the user or group together).
 */
public final class InlinePolicyService {

    private final UserRepository users;
    private final GroupRepository groups;
    private final RoleRepository roles;

    public InlinePolicyService(UserRepository users, GroupRepository groups, RoleRepository roles) {
        this.users = users;
        this.groups = groups;
        this.roles = roles;
    }

    public void putUserPolicy(AccountId account, String userName, String policyName, String document) {
        User user = user(account, userName);
        check(policyName, document);
        checkAggregate(PolicyQuota.INLINE_USER, users.inlinePolicyNames(user), name -> users.inlinePolicy(user, name),
                policyName, document, "user " + user.name());
        users.putInlinePolicy(user, policyName, document);
    }

    public String getUserPolicy(AccountId account, String userName, String policyName) {
        Constraint.POLICY_NAME.check("PolicyName", policyName);
        return users.inlinePolicy(user(account, userName), policyName)
                .orElseThrow(() -> noSuchPolicy("user", policyName));
    }

    public void deleteUserPolicy(AccountId account, String userName, String policyName) {
        Constraint.POLICY_NAME.check("PolicyName", policyName);
        User user = user(account, userName);
        if (!users.deleteInlinePolicy(user, policyName)) {
            throw noSuchPolicy("user", policyName);
        }
    }

    public Page<String> listUserPolicies(AccountId account, String userName, PageRequest page) {
        return page(users.inlinePolicyNames(user(account, userName)), page);
    }

    public void putGroupPolicy(AccountId account, String groupName, String policyName, String document) {
        Group group = group(account, groupName);
        check(policyName, document);
        checkAggregate(PolicyQuota.INLINE_GROUP, groups.inlinePolicyNames(group), name -> groups.inlinePolicy(group, name),
                policyName, document, "group " + group.name());
        groups.putInlinePolicy(group, policyName, document);
    }

    public String getGroupPolicy(AccountId account, String groupName, String policyName) {
        Constraint.POLICY_NAME.check("PolicyName", policyName);
        return groups.inlinePolicy(group(account, groupName), policyName)
                .orElseThrow(() -> noSuchPolicy("group", policyName));
    }

    public void deleteGroupPolicy(AccountId account, String groupName, String policyName) {
        Constraint.POLICY_NAME.check("PolicyName", policyName);
        Group group = group(account, groupName);
        if (!groups.deleteInlinePolicy(group, policyName)) {
            throw noSuchPolicy("group", policyName);
        }
    }

    public Page<String> listGroupPolicies(AccountId account, String groupName, PageRequest page) {
        return page(groups.inlinePolicyNames(group(account, groupName)), page);
    }

    public void putRolePolicy(AccountId account, String roleName, String policyName, String document) {
        Role role = role(account, roleName);
        check(policyName, document);
        checkAggregate(PolicyQuota.INLINE_ROLE, roles.inlinePolicyNames(role), name -> roles.inlinePolicy(role, name),
                policyName, document, "role " + role.name());
        roles.putInlinePolicy(role, policyName, document);
    }

    public String getRolePolicy(AccountId account, String roleName, String policyName) {
        Constraint.POLICY_NAME.check("PolicyName", policyName);
        return roles.inlinePolicy(role(account, roleName), policyName)
                .orElseThrow(() -> noSuchPolicy("role", policyName));
    }

    public void deleteRolePolicy(AccountId account, String roleName, String policyName) {
        Constraint.POLICY_NAME.check("PolicyName", policyName);
        Role role = role(account, roleName);
        if (!roles.deleteInlinePolicy(role, policyName)) {
            throw noSuchPolicy("role", policyName);
        }
    }

    public Page<String> listRolePolicies(AccountId account, String roleName, PageRequest page) {
        return page(roles.inlinePolicyNames(role(account, roleName)), page);
    }

    private static void check(String policyName, String document) {
        Constraint.POLICY_NAME.check("PolicyName", policyName);
        PolicyParser.parse(document, PolicyKind.IDENTITY);
    }

    /**
     * AWS counts a principal's inline policies together, in characters other than whitespace; the
     * policy being put replaces its namesake (names compare case-insensitively).
     */
    private static void checkAggregate(PolicyQuota quota, List<String> names, Function<String, Optional<String>> documents,
                                       String policyName, String document, String holder) {
        int total = size(document) + names.stream()
                .filter(name -> !name.equalsIgnoreCase(policyName))
                .mapToInt(name -> documents.apply(name).map(InlinePolicyService::size).orElse(0))
                .sum();
        if (total > quota.maxCharacters()) {
            throw IamException.limitExceeded("Maximum policy size of " + quota.maxCharacters()
                    + " bytes exceeded for " + holder);
        }
    }

    static int size(String document) {
        return (int) document.chars().filter(c -> !Character.isWhitespace(c)).count();
    }

    /** Names are few (bounded by the size quota), so they are paged in memory. */
    static Page<String> page(List<String> names, PageRequest request) {
        return NamePages.page(names, name -> name, request);
    }

    private User user(AccountId account, String userName) {
        Constraint.EXISTING_USER_NAME.check("UserName", userName);
        return users.findByName(account, userName).orElseThrow(() -> UserService.noSuchUser(userName));
    }

    private Group group(AccountId account, String groupName) {
        Constraint.GROUP_NAME.check("GroupName", groupName);
        return groups.findByName(account, groupName).orElseThrow(
                () -> IamException.noSuchEntity("The group with name " + groupName + " cannot be found."));
    }

    private Role role(AccountId account, String roleName) {
        Constraint.ROLE_NAME.check("RoleName", roleName);
        return roles.findByName(account, roleName).orElseThrow(() -> RoleService.noSuchRole(roleName));
    }

    private static IamException noSuchPolicy(String holder, String policyName) {
        return IamException.noSuchEntity("The " + holder + " policy with name " + policyName + " cannot be found.");
    }
}
