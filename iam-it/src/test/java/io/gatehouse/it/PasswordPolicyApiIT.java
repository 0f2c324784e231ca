package io.gatehouse.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PasswordPolicy;
import software.amazon.awssdk.services.iam.model.PasswordPolicyViolationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The account password policy, enforced on every password set, and ChangePassword. Each test sets
 * the policy it needs and removes it afterwards: the policy is account-wide.
 */
class PasswordPolicyApiIT extends GatehouseServer {

    private static final IamClient IAM = admin();

    @AfterAll
    static void close() {
        IAM.close();
    }

    @AfterEach
    void removePolicy() {
        try {
            IAM.deleteAccountPasswordPolicy();
        } catch (NoSuchEntityException e) {
            // the test left none
        }
    }

    private static String givenUserWithPassword(String prefix, String password) {
        String name = unique(prefix);
        IAM.createUser(b -> b.userName(name));
        IAM.createLoginProfile(b -> b.userName(name).password(password));
        return name;
    }

    @Test
    void withoutAPolicyGetIsNoSuchEntity() {
        assertThrows(NoSuchEntityException.class, IAM::getAccountPasswordPolicy);
        assertThrows(NoSuchEntityException.class, IAM::deleteAccountPasswordPolicy);
    }

    @Test
    void getReturnsEverySettingAndExpirePasswords() {
        IAM.updateAccountPasswordPolicy(b -> b.minimumPasswordLength(12).requireSymbols(true).requireNumbers(true)
                .requireUppercaseCharacters(true).requireLowercaseCharacters(true).allowUsersToChangePassword(true)
                .maxPasswordAge(90).passwordReusePrevention(5).hardExpiry(false));

        PasswordPolicy policy = IAM.getAccountPasswordPolicy().passwordPolicy();

        assertEquals(12, policy.minimumPasswordLength());
        assertTrue(policy.requireSymbols());
        assertTrue(policy.requireNumbers());
        assertTrue(policy.requireUppercaseCharacters());
        assertTrue(policy.requireLowercaseCharacters());
        assertTrue(policy.allowUsersToChangePassword());
        assertTrue(policy.expirePasswords());
        assertEquals(90, policy.maxPasswordAge());
        assertEquals(5, policy.passwordReusePrevention());
        assertFalse(policy.hardExpiry());
    }

    @Test
    void anUpdateResetsOmittedSettingsToTheirDefaults() {
        IAM.updateAccountPasswordPolicy(b -> b.minimumPasswordLength(20).requireSymbols(true).maxPasswordAge(30));

        IAM.updateAccountPasswordPolicy(b -> b.requireNumbers(true));

        PasswordPolicy policy = IAM.getAccountPasswordPolicy().passwordPolicy();
        assertEquals(6, policy.minimumPasswordLength());
        assertFalse(policy.requireSymbols());
        assertTrue(policy.requireNumbers());
        assertFalse(policy.expirePasswords());
        assertNull(policy.maxPasswordAge());
    }

    @Test
    void outOfRangeSettingsAreValidationErrors() {
        IamException e = assertThrows(IamException.class, () -> IAM.updateAccountPasswordPolicy(b -> b.minimumPasswordLength(5)));
        assertEquals("ValidationError", e.awsErrorDetails().errorCode());
        assertThrows(IamException.class, () -> IAM.updateAccountPasswordPolicy(b -> b.maxPasswordAge(1096)));
        assertThrows(IamException.class, () -> IAM.updateAccountPasswordPolicy(b -> b.passwordReusePrevention(25)));
        assertThrows(NoSuchEntityException.class, IAM::getAccountPasswordPolicy);
    }

    @Test
    void aViolationNamesEachBrokenRule() {
        IAM.updateAccountPasswordPolicy(b -> b.minimumPasswordLength(16).requireSymbols(true).requireNumbers(true)
                .requireUppercaseCharacters(true).requireLowercaseCharacters(true));
        String user = unique("fay");
        IAM.createUser(b -> b.userName(user));

        PasswordPolicyViolationException e = assertThrows(PasswordPolicyViolationException.class,
                () -> IAM.createLoginProfile(b -> b.userName(user).password("abcdefgh")));

        String message = e.awsErrorDetails().errorMessage();
        for (String rule : new String[] {"minimum length of 16", "uppercase", "number", "symbol"}) {
            assertTrue(message.contains(rule), rule + " missing from: " + message);
        }
        assertFalse(message.contains("lowercase"), message);
    }

    @Test
    void updateLoginProfileEnforcesThePolicyAndReusePrevention() {
        String user = givenUserWithPassword("gus", "First-Pass-1");
        IAM.updateAccountPasswordPolicy(b -> b.minimumPasswordLength(10).passwordReusePrevention(2));

        assertThrows(PasswordPolicyViolationException.class,
                () -> IAM.updateLoginProfile(b -> b.userName(user).password("Short-1")));
        IAM.updateLoginProfile(b -> b.userName(user).password("Second-Pass-2"));
        PasswordPolicyViolationException e = assertThrows(PasswordPolicyViolationException.class,
                () -> IAM.updateLoginProfile(b -> b.userName(user).password("First-Pass-1")));

        assertTrue(e.awsErrorDetails().errorMessage().contains("previous 2 passwords"), e.awsErrorDetails().errorMessage());
    }

    @Test
    void aUserChangesTheirOwnPasswordWhenThePolicyAllowsIt() {
        String user = givenUserWithPassword("hal", "Old-Password-1");
        AccessKey key = IAM.createAccessKey(b -> b.userName(user)).accessKey();
        IAM.updateAccountPasswordPolicy(b -> b.minimumPasswordLength(8).allowUsersToChangePassword(true));

        try (IamClient asHal = iam(key.accessKeyId(), key.secretAccessKey())) {
            asHal.changePassword(b -> b.oldPassword("Old-Password-1").newPassword("New-Password-2"));

            IamException wrongOld = assertThrows(IamException.class,
                    () -> asHal.changePassword(b -> b.oldPassword("Old-Password-1").newPassword("Third-Password-3")));
            assertEquals("AccessDenied", wrongOld.awsErrorDetails().errorCode());
            assertThrows(PasswordPolicyViolationException.class,
                    () -> asHal.changePassword(b -> b.oldPassword("New-Password-2").newPassword("short")));
            // Still no administrator: everything else stays refused.
            assertEquals("AccessDenied", assertThrows(IamException.class, asHal::listUsers).awsErrorDetails().errorCode());
        }
    }

    @Test
    void withoutAllowUsersToChangePasswordAUserMayNotChangeTheirs() {
        String user = givenUserWithPassword("ida", "Old-Password-1");
        AccessKey key = IAM.createAccessKey(b -> b.userName(user)).accessKey();
        IAM.updateAccountPasswordPolicy(b -> b.minimumPasswordLength(8).allowUsersToChangePassword(false));

        try (IamClient asIda = iam(key.accessKeyId(), key.secretAccessKey())) {
            IamException e = assertThrows(IamException.class,
                    () -> asIda.changePassword(b -> b.oldPassword("Old-Password-1").newPassword("New-Password-2")));
            assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
        }
    }

    @Test
    void aCallerWithoutALoginProfileHasNoPasswordToChange() {
        // The admin is an IAM user without a login profile.
        assertThrows(NoSuchEntityException.class,
                () -> IAM.changePassword(b -> b.oldPassword("Old-Password-1").newPassword("New-Password-2")));
    }
}
