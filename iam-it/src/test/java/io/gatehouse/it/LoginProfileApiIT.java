package io.gatehouse.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.LoginProfile;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PasswordPolicyViolationException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Console passwords under AWS's default rules (no account password policy is set by this class). */
class LoginProfileApiIT extends GatehouseServer {

    private static final IamClient IAM = admin();
    private static final String GOOD = "Console-Pass-1";

    @AfterAll
    static void close() {
        IAM.close();
    }

    private static String givenUser(String prefix) {
        String name = unique(prefix);
        IAM.createUser(b -> b.userName(name));
        return name;
    }

    @Test
    void createGetUpdateAndDeleteALoginProfile() {
        String user = givenUser("amy");

        LoginProfile created = IAM.createLoginProfile(b -> b.userName(user).password(GOOD).passwordResetRequired(true))
                .loginProfile();
        assertEquals(user, created.userName());
        assertTrue(created.passwordResetRequired());
        assertTrue(created.createDate().isAfter(Instant.now().minus(5, ChronoUnit.MINUTES)));

        IAM.updateLoginProfile(b -> b.userName(user).passwordResetRequired(false));
        LoginProfile fetched = IAM.getLoginProfile(b -> b.userName(user)).loginProfile();
        assertFalse(fetched.passwordResetRequired());
        assertEquals(created.createDate(), fetched.createDate());

        IAM.updateLoginProfile(b -> b.userName(user).password("Another-Pass-2"));
        IAM.deleteLoginProfile(b -> b.userName(user));
        assertThrows(NoSuchEntityException.class, () -> IAM.getLoginProfile(b -> b.userName(user)));
    }

    @Test
    void aSecondLoginProfileAlreadyExists() {
        String user = givenUser("ben");
        IAM.createLoginProfile(b -> b.userName(user).password(GOOD));

        assertThrows(EntityAlreadyExistsException.class, () -> IAM.createLoginProfile(b -> b.userName(user).password(GOOD)));
    }

    @Test
    void aUserWithoutALoginProfileHasNoneToGetUpdateOrDelete() {
        String user = givenUser("cal");

        assertThrows(NoSuchEntityException.class, () -> IAM.getLoginProfile(b -> b.userName(user)));
        assertThrows(NoSuchEntityException.class, () -> IAM.updateLoginProfile(b -> b.userName(user).password(GOOD)));
        assertThrows(NoSuchEntityException.class, () -> IAM.deleteLoginProfile(b -> b.userName(user)));
        assertThrows(NoSuchEntityException.class,
                () -> IAM.createLoginProfile(b -> b.userName(unique("nobody")).password(GOOD)));
    }

    @Test
    void aUserWithALoginProfileCannotBeDeleted() {
        String user = givenUser("dee");
        IAM.createLoginProfile(b -> b.userName(user).password(GOOD));

        DeleteConflictException e = assertThrows(DeleteConflictException.class, () -> IAM.deleteUser(b -> b.userName(user)));

        assertTrue(e.awsErrorDetails().errorMessage().contains("login profile"), e.awsErrorDetails().errorMessage());
        IAM.deleteLoginProfile(b -> b.userName(user));
        IAM.deleteUser(b -> b.userName(user));
    }

    @Test
    void withoutAPolicyTheDefaultRulesApplyAndEveryBrokenRuleIsNamed() {
        String user = givenUser("eve");

        PasswordPolicyViolationException e = assertThrows(PasswordPolicyViolationException.class,
                () -> IAM.createLoginProfile(b -> b.userName(user).password("short")));

        String message = e.awsErrorDetails().errorMessage();
        assertTrue(message.contains("minimum length of 8"), message);
        assertTrue(message.contains("at least 3 of these character types"), message);
        assertFalse(message.contains("short"), message);
        assertThrows(NoSuchEntityException.class, () -> IAM.getLoginProfile(b -> b.userName(user)));
    }
}
