package io.gatehouse.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Instance profiles and their roles through the AWS SDK for Java v2. */
class InstanceProfileApiIT extends GatehouseServer {

    private static final IamClient IAM = admin();

    @AfterAll
    static void close() {
        IAM.close();
    }

    private static void givenProfile(String name) {
        IAM.createInstanceProfile(b -> b.instanceProfileName(name));
    }

    private static void givenProfileHolding(String profile, String role) {
        givenProfile(profile);
        RoleApiIT.givenRole(role);
        IAM.addRoleToInstanceProfile(b -> b.instanceProfileName(profile).roleName(role));
    }

    @Test
    void createsAnInstanceProfileInAwsShape() {
        String name = unique("WebServer");

        InstanceProfile profile = IAM.createInstanceProfile(b -> b.instanceProfileName(name).path("/web/"))
                .instanceProfile();

        assertEquals(name, profile.instanceProfileName());
        assertEquals("/web/", profile.path());
        assertTrue(profile.instanceProfileId().matches("AIPA[A-Z2-7]{17}"), profile.instanceProfileId());
        assertTrue(profile.arn().matches("arn:aws:iam::\\d{12}:instance-profile/web/" + name), profile.arn());
        assertEquals(List.of(), profile.roles());
    }

    @Test
    void tagsAreKeptMergedCaseInsensitivelyListedAndRemoved() {
        String name = unique("tagged");
        InstanceProfile created = IAM.createInstanceProfile(b -> b.instanceProfileName(name)
                .tags(Tag.builder().key("Env").value("dev").build())).instanceProfile();
        assertEquals(List.of(Tag.builder().key("Env").value("dev").build()), created.tags());

        IAM.tagInstanceProfile(b -> b.instanceProfileName(name).tags(Tag.builder().key("env").value("prod").build(),
                Tag.builder().key("owner").value("ops").build()));
        assertEquals(List.of(Tag.builder().key("env").value("prod").build(),
                        Tag.builder().key("owner").value("ops").build()),
                IAM.listInstanceProfileTags(b -> b.instanceProfileName(name)).tags());

        IAM.untagInstanceProfile(b -> b.instanceProfileName(name).tagKeys("OWNER"));
        assertEquals(List.of(Tag.builder().key("env").value("prod").build()),
                IAM.getInstanceProfile(b -> b.instanceProfileName(name)).instanceProfile().tags());
    }

    @Test
    void refusesASecondProfileWhoseNameDiffersOnlyInCase() {
        String name = unique("batch");
        givenProfile(name);

        assertThrows(EntityAlreadyExistsException.class, () -> givenProfile(name.toUpperCase()));
    }

    @Test
    void getInstanceProfileShowsItsRole() {
        String profile = unique("app");
        String role = unique("app-role");
        givenProfileHolding(profile, role);

        InstanceProfile found = IAM.getInstanceProfile(b -> b.instanceProfileName(profile.toLowerCase()))
                .instanceProfile();

        assertEquals(profile, found.instanceProfileName());
        assertEquals(List.of(role), found.roles().stream().map(Role::roleName).toList());
        assertEquals(RoleApiIT.EC2_TRUST, java.net.URLDecoder.decode(found.roles().get(0).assumeRolePolicyDocument(),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aProfileHoldsAtMostOneRole() {
        String profile = unique("single");
        givenProfileHolding(profile, unique("first"));
        String second = unique("second");
        RoleApiIT.givenRole(second);

        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> IAM.addRoleToInstanceProfile(b -> b.instanceProfileName(profile).roleName(second)));

        assertTrue(e.awsErrorDetails().errorMessage().contains("InstanceSessionsPerInstanceProfile"),
                e.awsErrorDetails().errorMessage());
    }

    @Test
    void listInstanceProfilesForRoleFindsTheProfilesHoldingIt() {
        String role = unique("shared");
        String a = unique("pa");
        String b2 = unique("pb");
        givenProfileHolding(a, role);
        givenProfile(b2);
        IAM.addRoleToInstanceProfile(b -> b.instanceProfileName(b2).roleName(role));

        List<String> names = IAM.listInstanceProfilesForRole(b -> b.roleName(role)).instanceProfiles().stream()
                .map(InstanceProfile::instanceProfileName).toList();

        assertEquals(List.of(a, b2).stream().sorted().toList(), names);
    }

    @Test
    void listInstanceProfilesFiltersByPathAndPages() {
        String path = "/" + unique("ip") + "/";
        List<String> names = List.of(unique("x"), unique("y"), unique("z")).stream().sorted().toList();
        names.forEach(n -> IAM.createInstanceProfile(b -> b.instanceProfileName(n).path(path)));

        ListInstanceProfilesResponse first = IAM.listInstanceProfiles(b -> b.pathPrefix(path).maxItems(2));
        ListInstanceProfilesResponse second = IAM.listInstanceProfiles(b -> b.pathPrefix(path).maxItems(2)
                .marker(first.marker()));

        assertEquals(names.subList(0, 2), first.instanceProfiles().stream()
                .map(InstanceProfile::instanceProfileName).toList());
        assertTrue(first.isTruncated());
        assertEquals(names.subList(2, 3), second.instanceProfiles().stream()
                .map(InstanceProfile::instanceProfileName).toList());
        assertFalse(second.isTruncated());
    }

    @Test
    void deleteRoleRefusesWhileAProfileHoldsIt() {
        String profile = unique("holder");
        String role = unique("held");
        givenProfileHolding(profile, role);

        assertThrows(DeleteConflictException.class, () -> IAM.deleteRole(b -> b.roleName(role)));

        IAM.removeRoleFromInstanceProfile(b -> b.instanceProfileName(profile).roleName(role));
        IAM.deleteRole(b -> b.roleName(role));
    }

    @Test
    void deleteInstanceProfileRefusesWhileItHoldsARole() {
        String profile = unique("keeper");
        String role = unique("kept");
        givenProfileHolding(profile, role);

        assertThrows(DeleteConflictException.class, () -> IAM.deleteInstanceProfile(b -> b.instanceProfileName(profile)));

        IAM.removeRoleFromInstanceProfile(b -> b.instanceProfileName(profile).roleName(role));
        IAM.deleteInstanceProfile(b -> b.instanceProfileName(profile));
        assertThrows(NoSuchEntityException.class, () -> IAM.getInstanceProfile(b -> b.instanceProfileName(profile)));
    }

    @Test
    void removingARoleTheProfileDoesNotHoldIsNoSuchEntity() {
        String profile = unique("empty");
        String role = unique("outsider");
        givenProfile(profile);
        RoleApiIT.givenRole(role);

        assertThrows(NoSuchEntityException.class,
                () -> IAM.removeRoleFromInstanceProfile(b -> b.instanceProfileName(profile).roleName(role)));
    }

    @Test
    void missingProfilesAndRolesAreNoSuchEntity() {
        String profile = unique("there");
        givenProfile(profile);

        assertThrows(NoSuchEntityException.class, () -> IAM.getInstanceProfile(b -> b.instanceProfileName(unique("no"))));
        assertThrows(NoSuchEntityException.class,
                () -> IAM.addRoleToInstanceProfile(b -> b.instanceProfileName(profile).roleName(unique("no"))));
        assertThrows(NoSuchEntityException.class,
                () -> IAM.listInstanceProfilesForRole(b -> b.roleName(unique("no"))));
    }
}
