package io.gatehouse.core.service;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.port.GroupRepository;

/**
 * The rule in force until policies are evaluated: the account's root user, and members of the
 * account's {@code Administrators} group, may do everything in their own account; nobody else may
 * do anything.
 */
public final class AdministratorsGroupAuthorizer implements Authorizer {

    public static final String ADMINISTRATORS = "Administrators";

    private final GroupRepository groups;

    public AdministratorsGroupAuthorizer(GroupRepository groups) {
        this.groups = groups;
    }

    @Override
    public void authorize(Caller caller, String action, Arn resource) {
        boolean ownAccount = resource.account().isEmpty() || resource.account().equals(caller.account().value());
        if (ownAccount && (caller.isRoot() || isAdministrator(caller))) {
            return;
        }
        throw IamException.accessDenied("User: " + caller.arn() + " is not authorized to perform: " + action
                + " on resource: " + resource + " because no identity-based policy allows the " + action + " action");
    }

    private boolean isAdministrator(Caller caller) {
        return caller.user().flatMap(user -> groups.findByName(caller.account(), ADMINISTRATORS)
                        .map(admins -> groups.isMember(admins, user)))
                .orElse(false);
    }
}
