package io.gatehouse.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetGroupResponse;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListGroupsResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.User;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Groups and memberships through the AWS SDK for Java v2. */
class GroupApiIT extends GatehouseServer {

    private static final IamClient IAM = admin();

    @AfterAll
    static void close() {
        IAM.close();
    }

    @Test
    void createsAGroupInAwsShape() {
        String name = unique("devs");

        Group group = IAM.createGroup(b -> b.groupName(name).path("/eng/")).group();

        assertEquals(name, group.groupName());
        assertEquals("/eng/", group.path());
        assertTrue(group.groupId().matches("AGPA[A-Z2-7]{17}"), group.groupId());
        assertTrue(group.arn().matches("arn:aws:iam::\\d{12}:group/eng/" + name), group.arn());
    }

    @Test
    void refusesADuplicateGroupNameInAnyCase() {
        String name = unique("ops");
        IAM.createGroup(b -> b.groupName(name));

        assertThrows(EntityAlreadyExistsException.class, () -> IAM.createGroup(b -> b.groupName(name.toUpperCase())));
    }

    @Test
    void getGroupListsItsMembersPageByPage() {
        String group = unique("team");
        IAM.createGroup(b -> b.groupName(group));
        for (int i = 0; i < 3; i++) {
            String user = unique("member" + i);
            IAM.createUser(b -> b.userName(user));
            IAM.addUserToGroup(b -> b.groupName(group).userName(user));
        }

        GetGroupResponse first = IAM.getGroup(b -> b.groupName(group).maxItems(2));
        assertEquals(group, first.group().groupName());
        assertEquals(2, first.users().size());
        assertTrue(first.isTruncated());
        GetGroupResponse second = IAM.getGroup(b -> b.groupName(group).maxItems(2).marker(first.marker()));
        assertEquals(1, second.users().size());
        assertFalse(second.isTruncated());
    }

    @Test
    void listGroupsForUserShowsMembershipsAndRemovalUndoesThem() {
        String user = unique("nina");
        String a = unique("alpha");
        String b2 = unique("beta");
        IAM.createUser(b -> b.userName(user));
        IAM.createGroup(b -> b.groupName(a));
        IAM.createGroup(b -> b.groupName(b2));
        IAM.addUserToGroup(b -> b.groupName(a).userName(user));
        IAM.addUserToGroup(b -> b.groupName(b2).userName(user));

        List<String> names = IAM.listGroupsForUser(b -> b.userName(user)).groups().stream().map(Group::groupName).toList();
        assertEquals(List.of(a, b2).stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), names);

        IAM.removeUserFromGroup(b -> b.groupName(a).userName(user));
        assertEquals(List.of(b2), IAM.listGroupsForUser(b -> b.userName(user)).groups().stream()
                .map(Group::groupName).toList());
    }

    @Test
    void removingANonMemberIsNoSuchEntity() {
        String user = unique("omar");
        String group = unique("gamma");
        IAM.createUser(b -> b.userName(user));
        IAM.createGroup(b -> b.groupName(group));

        assertThrows(NoSuchEntityException.class, () -> IAM.removeUserFromGroup(b -> b.groupName(group).userName(user)));
    }

    @Test
    void addingToAMissingGroupIsNoSuchEntity() {
        assertThrows(NoSuchEntityException.class,
                () -> IAM.addUserToGroup(b -> b.groupName(unique("missing")).userName("admin")));
    }

    @Test
    void aUserCanBeInAtMostTenGroups() {
        String user = unique("paul");
        IAM.createUser(b -> b.userName(user));
        String prefix = unique("g");
        for (int i = 0; i < 10; i++) {
            String group = prefix + "-" + i;
            IAM.createGroup(b -> b.groupName(group));
            IAM.addUserToGroup(b -> b.groupName(group).userName(user));
        }
        String eleventh = prefix + "-10";
        IAM.createGroup(b -> b.groupName(eleventh));

        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> IAM.addUserToGroup(b -> b.groupName(eleventh).userName(user)));
        assertTrue(e.awsErrorDetails().errorMessage().contains("GroupsPerUser"));
    }

    @Test
    void deleteGroupRefusesWhileItHasMembers() {
        String group = unique("delta");
        String user = unique("quinn");
        IAM.createGroup(b -> b.groupName(group));
        IAM.createUser(b -> b.userName(user));
        IAM.addUserToGroup(b -> b.groupName(group).userName(user));

        assertThrows(DeleteConflictException.class, () -> IAM.deleteGroup(b -> b.groupName(group)));

        IAM.removeUserFromGroup(b -> b.groupName(group).userName(user));
        IAM.deleteGroup(b -> b.groupName(group));
        assertThrows(NoSuchEntityException.class, () -> IAM.getGroup(b -> b.groupName(group)));
    }

    @Test
    void updateGroupRenamesAndMovesKeepingIdAndMembers() {
        String name = unique("zeta");
        String renamed = unique("eta");
        String user = unique("rick");
        String id = IAM.createGroup(b -> b.groupName(name)).group().groupId();
        IAM.createUser(b -> b.userName(user));
        IAM.addUserToGroup(b -> b.groupName(name).userName(user));

        IAM.updateGroup(b -> b.groupName(name).newGroupName(renamed).newPath("/moved/"));

        GetGroupResponse group = IAM.getGroup(b -> b.groupName(renamed));
        assertEquals(id, group.group().groupId());
        assertEquals("/moved/", group.group().path());
        assertEquals(List.of(user), group.users().stream().map(User::userName).toList());
        assertThrows(NoSuchEntityException.class, () -> IAM.getGroup(b -> b.groupName(name)));
    }

    @Test
    void listGroupsFiltersByPathPrefix() {
        String path = "/" + unique("gp") + "/";
        String group = unique("epsilon");
        IAM.createGroup(b -> b.groupName(group).path(path));

        ListGroupsResponse listed = IAM.listGroups(b -> b.pathPrefix(path));

        assertEquals(List.of(group), listed.groups().stream().map(Group::groupName).toList());
    }

    @Test
    void theBootstrapAdminIsInAdministrators() {
        List<String> members = IAM.getGroup(b -> b.groupName("Administrators")).users().stream()
                .map(User::userName).toList();

        assertTrue(members.contains("admin"), members.toString());
    }
}
