package io.gatehouse.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inline policies of users and groups: put, get, list, delete, the size quotas and validation. */
class InlinePolicyApiIT extends GatehouseServer {

    private static final IamClient IAM = admin();
    static final String READ_USERS = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:GetUser","Resource":"*"}]}""";

    @AfterAll
    static void close() {
        IAM.close();
    }

    @Test
    void putGetListAndDeleteAUserPolicy() {
        String user = unique("ivy");
        IAM.createUser(b -> b.userName(user));

        IAM.putUserPolicy(b -> b.userName(user).policyName("ReadUsers").policyDocument(READ_USERS));

        var got = IAM.getUserPolicy(b -> b.userName(user).policyName("readusers"));
        assertEquals(user, got.userName());
        assertEquals(READ_USERS, URLDecoder.decode(got.policyDocument(), StandardCharsets.UTF_8));
        assertEquals(List.of("ReadUsers"), IAM.listUserPolicies(b -> b.userName(user)).policyNames());
        IAM.deleteUserPolicy(b -> b.userName(user).policyName("ReadUsers"));
        assertEquals(List.of(), IAM.listUserPolicies(b -> b.userName(user)).policyNames());
    }

    @Test
    void putGetListAndDeleteAGroupPolicy() {
        String group = unique("readers");
        IAM.createGroup(b -> b.groupName(group));

        IAM.putGroupPolicy(b -> b.groupName(group).policyName("ReadUsers").policyDocument(READ_USERS));

        var got = IAM.getGroupPolicy(b -> b.groupName(group).policyName("ReadUsers"));
        assertEquals(READ_USERS, URLDecoder.decode(got.policyDocument(), StandardCharsets.UTF_8));
        assertEquals(List.of("ReadUsers"), IAM.listGroupPolicies(b -> b.groupName(group)).policyNames());
        assertThrows(DeleteConflictException.class, () -> IAM.deleteGroup(b -> b.groupName(group)));
        IAM.deleteGroupPolicy(b -> b.groupName(group).policyName("ReadUsers"));
        IAM.deleteGroup(b -> b.groupName(group));
    }

    @Test
    void listsUserPoliciesPageByPage() {
        String user = unique("paged");
        IAM.createUser(b -> b.userName(user));
        for (String name : List.of("c", "a", "b")) {
            IAM.putUserPolicy(b -> b.userName(user).policyName(name).policyDocument(READ_USERS));
        }

        ListUserPoliciesResponse first = IAM.listUserPolicies(b -> b.userName(user).maxItems(2));
        assertEquals(List.of("a", "b"), first.policyNames());
        assertTrue(first.isTruncated());
        ListUserPoliciesResponse second = IAM.listUserPolicies(b -> b.userName(user).marker(first.marker()));
        assertEquals(List.of("c"), second.policyNames());
        assertFalse(second.isTruncated());
    }

    @Test
    void aUserWithInlinePoliciesCannotBeDeleted() {
        String user = unique("kept");
        IAM.createUser(b -> b.userName(user));
        IAM.putUserPolicy(b -> b.userName(user).policyName("p").policyDocument(READ_USERS));

        DeleteConflictException e = assertThrows(DeleteConflictException.class,
                () -> IAM.deleteUser(b -> b.userName(user)));
        assertTrue(e.awsErrorDetails().errorMessage().contains("policies"), e.getMessage());
    }

    @Test
    void aMalformedDocumentIsRefusedWithItsPosition() {
        String user = unique("typo");
        IAM.createUser(b -> b.userName(user));

        MalformedPolicyDocumentException e = assertThrows(MalformedPolicyDocumentException.class,
                () -> IAM.putUserPolicy(b -> b.userName(user).policyName("p").policyDocument("""
                        {"Version":"2012-10-17",
                         "Statement":[{"Effect":"Allow","Action":"iam:GetUser"}]}""")));
        assertTrue(e.awsErrorDetails().errorMessage().contains("line 2"), e.awsErrorDetails().errorMessage());
    }

    @Test
    void userInlinePoliciesTogetherAreLimitedTo2048Characters() {
        String user = unique("big");
        IAM.createUser(b -> b.userName(user));
        String half = bigPolicy(1100);
        IAM.putUserPolicy(b -> b.userName(user).policyName("one").policyDocument(half));

        assertThrows(LimitExceededException.class,
                () -> IAM.putUserPolicy(b -> b.userName(user).policyName("two").policyDocument(half)));
        IAM.putUserPolicy(b -> b.userName(user).policyName("one").policyDocument(half)); // a replacement fits
    }

    @Test
    void groupInlinePoliciesTogetherAreLimitedTo5120Characters() {
        String group = unique("biggroup");
        IAM.createGroup(b -> b.groupName(group));
        String part = bigPolicy(2600);
        IAM.putGroupPolicy(b -> b.groupName(group).policyName("one").policyDocument(part));

        assertThrows(LimitExceededException.class,
                () -> IAM.putGroupPolicy(b -> b.groupName(group).policyName("two").policyDocument(part)));
    }

    @Test
    void missingPoliciesAndHoldersAreNoSuchEntity() {
        String user = unique("nobody");
        IAM.createUser(b -> b.userName(user));

        assertThrows(NoSuchEntityException.class, () -> IAM.getUserPolicy(b -> b.userName(user).policyName("none")));
        assertThrows(NoSuchEntityException.class, () -> IAM.deleteUserPolicy(b -> b.userName(user).policyName("none")));
        assertThrows(NoSuchEntityException.class, () -> IAM.listUserPolicies(b -> b.userName(unique("ghost"))));
        assertThrows(NoSuchEntityException.class, () -> IAM.getGroupPolicy(b -> b.groupName(unique("ghost"))
                .policyName("none")));
    }

    /** An identity policy of about {@code size} characters: one statement with a long action list. */
    static String bigPolicy(int size) {
        StringBuilder actions = new StringBuilder();
        for (int i = 0; actions.length() < size - 100; i++) {
            actions.append(actions.isEmpty() ? "" : ",").append("\"iam:GetUser").append(i).append('"');
        }
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[" + actions
                + "],\"Resource\":\"*\"}]}";
    }
}
