package io.gatehouse.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Account aliases and the account summary through the AWS SDK for Java v2. The tests share the
 * one test account, so the alias tests leave it without an alias.
 */
class AccountApiIT extends GatehouseServer {

    private static final IamClient IAM = admin();

    @AfterAll
    static void close() {
        IAM.close();
    }

    private static List<String> aliases() {
        return IAM.listAccountAliases().accountAliases();
    }

    private static String alias(String stem) {
        return unique(stem).toLowerCase();
    }

    @Test
    void createsListsAndDeletesTheAlias() {
        String alias = alias("example-corp");

        IAM.createAccountAlias(b -> b.accountAlias(alias));
        assertEquals(List.of(alias), aliases());

        IAM.deleteAccountAlias(b -> b.accountAlias(alias));
        assertEquals(List.of(), aliases());
    }

    @Test
    void aNewAliasReplacesTheOldOne() {
        String first = alias("first");
        String second = alias("second");
        IAM.createAccountAlias(b -> b.accountAlias(first));

        IAM.createAccountAlias(b -> b.accountAlias(second));

        assertEquals(List.of(second), aliases());
        IAM.deleteAccountAlias(b -> b.accountAlias(second));
    }

    @Test
    void deletingAnAliasTheAccountDoesNotHaveIsNoSuchEntity() {
        assertThrows(NoSuchEntityException.class, () -> IAM.deleteAccountAlias(b -> b.accountAlias(alias("nope"))));
    }

    @Test
    void refusesAnAliasWithUpperCaseOrDoubleHyphens() {
        IamException upper = assertThrows(IamException.class, () -> IAM.createAccountAlias(b -> b.accountAlias("MyCorp")));
        IamException hyphens = assertThrows(IamException.class, () -> IAM.createAccountAlias(b -> b.accountAlias("my--corp")));

        assertEquals("ValidationError", upper.awsErrorDetails().errorCode());
        assertEquals("ValidationError", hyphens.awsErrorDetails().errorCode());
    }

    @Test
    void summaryCountsRolesAndInstanceProfilesAsTheyAreCreated() {
        Map<String, Integer> before = IAM.getAccountSummary().summaryMapAsStrings();
        RoleApiIT.givenRole(unique("counted"));
        IAM.createInstanceProfile(b -> b.instanceProfileName(unique("counted")));

        Map<String, Integer> after = IAM.getAccountSummary().summaryMapAsStrings();

        assertEquals(before.get("Roles") + 1, after.get("Roles"));
        assertEquals(before.get("InstanceProfiles") + 1, after.get("InstanceProfiles"));
    }

    @Test
    void summaryReportsTheQuotas() {
        Map<String, Integer> summary = IAM.getAccountSummary().summaryMapAsStrings();

        assertEquals(5000, summary.get("UsersQuota"));
        assertEquals(300, summary.get("GroupsQuota"));
        assertEquals(1000, summary.get("RolesQuota"));
        assertEquals(1000, summary.get("InstanceProfilesQuota"));
        assertEquals(10, summary.get("GroupsPerUserQuota"));
        assertEquals(2, summary.get("AccessKeysPerUserQuota"));
        assertEquals(2048, summary.get("AssumeRolePolicySizeQuota"));
    }

    @Test
    void summaryCountsUsersAndGroups() {
        Map<String, Integer> before = IAM.getAccountSummary().summaryMapAsStrings();
        IAM.createUser(b -> b.userName(unique("summed")));
        IAM.createGroup(b -> b.groupName(unique("summed")));

        Map<String, Integer> after = IAM.getAccountSummary().summaryMapAsStrings();

        assertEquals(before.get("Users") + 1, after.get("Users"));
        assertEquals(before.get("Groups") + 1, after.get("Groups"));
    }
}
