package io.gatehouse.core.service;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.PasswordPolicy;
import io.gatehouse.core.port.GroupRepository;
import io.gatehouse.core.port.PasswordPolicyRepository;

/**
 * The rule in force until policies are evaluated: the account's root user, and members of the
 * account's {@code Administrators} group, may do everything in their own account; nobody else may
 * do anything.
 */
public final class AdministratorsGroupAuthorizer implements Authorizer {

    public static final String ADMINISTRATORS = "Administrators";

    public static final String CHANGE_PASSWORD = "iam:ChangePassword";

    private final GroupRepository groups;
    private final PasswordPolicyRepository passwordPolicies;

    public AdministratorsGroupAuthorizer(GroupRepository groups, PasswordPolicyRepository passwordPolicies) {
        this.groups = groups;
        this.passwordPolicies = passwordPolicies;
    }

    @Override
    public void authorize(Caller caller, String action, Arn resource) {
        boolean ownAccount = resource.account().isEmpty() || resource.account().equals(caller.account().value());
        if (ownAccount && (caller.isRoot() || isAdministrator(caller) || changesOwnPassword(caller, action, resource))) {
            return;
        }
        throw IamException.accessDenied("User: " + caller.arn() + " is not authorized to perform: " + action
                + " on resource: " + resource + " because no identity-based policy allows the " + action + " action");
    }

    private boolean changesOwnPassword(Caller caller, String action, Arn resource) {
        return CHANGE_PASSWORD.equals(action) && !caller.isRoot() && resource.equals(caller.arn())
                && passwordPolicies.find(caller.account()).map(PasswordPolicy::allowUsersToChangePassword).orElse(false);
    }

    private boolean isAdministrator(Caller caller) {
        return caller.user().flatMap(user -> groups.findByName(caller.account(), ADMINISTRATORS)
                        .map(admins -> groups.isMember(admins, user)))
                .orElse(false);
    }
}
