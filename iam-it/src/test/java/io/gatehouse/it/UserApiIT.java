package io.gatehouse.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The user actions of the IAM API, driven through the AWS SDK for Java v2. */
class UserApiIT extends GatehouseServer {

    private static final IamClient IAM = admin();

    @AfterAll
    static void close() {
        IAM.close();
    }

    @Test
    void createsAUserWithPathAndTagsInAwsShape() {
        String name = unique("alice");
        CreateUserResponse created = IAM.createUser(b -> b.userName(name).path("/division/")
                .tags(Tag.builder().key("team").value("blue").build()));

        User user = created.user();
        assertEquals(name, user.userName());
        assertEquals("/division/", user.path());
        assertTrue(user.userId().matches("AIDA[A-Z2-7]{17}"), user.userId());
        assertTrue(user.arn().matches("arn:aws:iam::\\d{12}:user/division/" + name), user.arn());
        assertTrue(user.createDate().isAfter(Instant.now().minus(5, ChronoUnit.MINUTES)));
        assertEquals(List.of(Tag.builder().key("team").value("blue").build()), user.tags());
    }

    @Test
    void getUserFindsTheNameCaseInsensitivelyAndKeepsItsCase() {
        String name = unique("Bob");
        IAM.createUser(b -> b.userName(name));

        User user = IAM.getUser(b -> b.userName(name.toLowerCase())).user();

        assertEquals(name, user.userName());
    }

    @Test
    void getUserWithoutANameDescribesTheCaller() {
        User me = IAM.getUser().user();

        assertEquals("admin", me.userName());
        assertTrue(me.arn().endsWith(":user/admin"), me.arn());
    }

    @Test
    void refusesASecondUserWhoseNameDiffersOnlyInCase() {
        String name = unique("carol");
        IAM.createUser(b -> b.userName(name));

        EntityAlreadyExistsException e = assertThrows(EntityAlreadyExistsException.class,
                () -> IAM.createUser(b -> b.userName(name.toUpperCase())));

        assertEquals("EntityAlreadyExists", e.awsErrorDetails().errorCode());
        assertEquals(409, e.statusCode());
    }

    @Test
    void answersNoSuchEntityForAMissingUser() {
        NoSuchEntityException e = assertThrows(NoSuchEntityException.class,
                () -> IAM.getUser(b -> b.userName(unique("nobody"))));

        assertEquals(404, e.statusCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains("cannot be found"));
    }

    @Test
    void validationErrorNamesTheBadParameter() {
        IamException e = assertThrows(IamException.class, () -> IAM.createUser(b -> b.userName("bad name!")));

        assertEquals("ValidationError", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains("userName"), e.awsErrorDetails().errorMessage());
    }

    @Test
    void refusesAPathWithoutTrailingSlash() {
        IamException e = assertThrows(IamException.class,
                () -> IAM.createUser(b -> b.userName(unique("pathy")).path("/no-trailing")));

        assertEquals("ValidationError", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains("path"), e.awsErrorDetails().errorMessage());
    }

    @Test
    void listsUsersPageByPageWithinAPathPrefix() {
        String path = "/" + unique("paging") + "/";
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String name = "user" + i + "-" + unique("p");
            IAM.createUser(b -> b.userName(name).path(path));
            created.add(name);
        }

        List<String> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String from = marker;
            ListUsersResponse page = IAM.listUsers(b -> b.pathPrefix(path).maxItems(2).marker(from));
            page.users().forEach(u -> seen.add(u.userName()));
            marker = page.isTruncated() ? page.marker() : null;
            pages++;
        } while (marker != null);

        assertEquals(3, pages);
        assertEquals(created.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), seen);
    }

    @Test
    void maxItemsOutOfRangeIsAValidationError() {
        IamException e = assertThrows(IamException.class, () -> IAM.listUsers(b -> b.maxItems(1001)));

        assertEquals("ValidationError", e.awsErrorDetails().errorCode());
    }

    @Test
    void updateUserRenamesAndMovesKeepingTheUserId() {
        String name = unique("dave");
        String renamed = unique("david");
        String id = IAM.createUser(b -> b.userName(name)).user().userId();

        IAM.updateUser(b -> b.userName(name).newUserName(renamed).newPath("/moved/"));

        User user = IAM.getUser(b -> b.userName(renamed)).user();
        assertEquals(id, user.userId());
        assertEquals("/moved/", user.path());
        assertThrows(NoSuchEntityException.class, () -> IAM.getUser(b -> b.userName(name)));
    }

    @Test
    void updateUserRefusesATakenName() {
        String first = unique("erin");
        String second = unique("frank");
        IAM.createUser(b -> b.userName(first));
        IAM.createUser(b -> b.userName(second));

        assertThrows(EntityAlreadyExistsException.class,
                () -> IAM.updateUser(b -> b.userName(second).newUserName(first.toUpperCase())));
        assertEquals(second, IAM.getUser(b -> b.userName(second)).user().userName());
    }

    @Test
    void deleteUserRefusesWhileTheUserHasAccessKeys() {
        String name = unique("gina");
        IAM.createUser(b -> b.userName(name));
        String keyId = IAM.createAccessKey(b -> b.userName(name)).accessKey().accessKeyId();

        DeleteConflictException e = assertThrows(DeleteConflictException.class, () -> IAM.deleteUser(b -> b.userName(name)));
        assertEquals(409, e.statusCode());

        IAM.deleteAccessKey(b -> b.userName(name).accessKeyId(keyId));
        IAM.deleteUser(b -> b.userName(name));
        assertThrows(NoSuchEntityException.class, () -> IAM.getUser(b -> b.userName(name)));
    }

    @Test
    void deleteUserRefusesWhileTheUserIsInAGroup() {
        String name = unique("hank");
        String group = unique("crew");
        IAM.createUser(b -> b.userName(name));
        IAM.createGroup(b -> b.groupName(group));
        IAM.addUserToGroup(b -> b.groupName(group).userName(name));

        assertThrows(DeleteConflictException.class, () -> IAM.deleteUser(b -> b.userName(name)));

        IAM.removeUserFromGroup(b -> b.groupName(group).userName(name));
        IAM.deleteUser(b -> b.userName(name));
    }

    @Test
    void tagsAreAddedReplacedCaseInsensitivelyListedAndRemoved() {
        String name = unique("ivy");
        IAM.createUser(b -> b.userName(name));

        IAM.tagUser(b -> b.userName(name).tags(Tag.builder().key("Env").value("dev").build(),
                Tag.builder().key("cost").value("42").build()));
        IAM.tagUser(b -> b.userName(name).tags(Tag.builder().key("env").value("prod").build()));

        List<Tag> tags = IAM.listUserTags(b -> b.userName(name)).tags();
        assertEquals(2, tags.size());
        assertTrue(tags.contains(Tag.builder().key("env").value("prod").build()), tags.toString());

        IAM.untagUser(b -> b.userName(name).tagKeys("COST"));
        assertEquals(List.of(Tag.builder().key("env").value("prod").build()),
                IAM.listUserTags(b -> b.userName(name)).tags());
        assertFalse(IAM.listUserTags(b -> b.userName(name)).isTruncated());
    }

    @Test
    void duplicateTagKeysInOneRequestAreInvalidInput() {
        String name = unique("jack");
        IAM.createUser(b -> b.userName(name));

        IamException e = assertThrows(IamException.class, () -> IAM.tagUser(b -> b.userName(name).tags(
                Tag.builder().key("a").value("1").build(), Tag.builder().key("A").value("2").build())));

        assertEquals("InvalidInput", e.awsErrorDetails().errorCode());
    }

    @Test
    void aUserCanHaveAtMostFiftyTags() {
        String name = unique("kim");
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(Tag.builder().key("k" + i).value("v").build());
        }
        IAM.createUser(b -> b.userName(name).tags(fifty));

        IamException e = assertThrows(IamException.class,
                () -> IAM.tagUser(b -> b.userName(name).tags(Tag.builder().key("one-more").value("v").build())));

        assertEquals("LimitExceeded", e.awsErrorDetails().errorCode());
        assertEquals(50, IAM.listUserTags(b -> b.userName(name)).tags().size());
    }
}
