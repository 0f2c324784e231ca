package io.gatehouse.core.identity;

/**
 * The root user's security checklist, as the console shows it: whether the root user has access
 * keys (it should not), whether it has an active MFA device (it should), whether IAM users exist
 * and groups hold them (permissions by group), and whether a password policy is set.
 */
public record AccountSecurityStatus(boolean rootAccessKeysPresent, boolean rootMfaActive, boolean iamUsersExist,
                                    boolean groupsInUse, boolean passwordPolicySet) {
}
