package io.gatehouse.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The role actions of the IAM API, driven through the AWS SDK for Java v2. */
class RoleApiIT extends GatehouseServer {

    private static final IamClient IAM = admin();

    /** A service role's trust policy, with spaces and a slash so that URL-encoding shows. */
    static final String EC2_TRUST = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", \
            "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}""";

    @AfterAll
    static void close() {
        IAM.close();
    }

    static void givenRole(String name) {
        IAM.createRole(b -> b.roleName(name).assumeRolePolicyDocument(EC2_TRUST));
    }

    private static String decoded(String document) {
        return URLDecoder.decode(document, StandardCharsets.UTF_8);
    }

    @Test
    void createsARoleInAwsShape() {
        String name = unique("Deployer");

        Role role = IAM.createRole(b -> b.roleName(name).path("/ci/").assumeRolePolicyDocument(EC2_TRUST)
                .description("Deploys from CI").maxSessionDuration(7200)
                .tags(Tag.builder().key("team").value("blue").build())).role();

        assertEquals(name, role.roleName());
        assertEquals("/ci/", role.path());
        assertTrue(role.roleId().matches("AROA[A-Z2-7]{17}"), role.roleId());
        assertTrue(role.arn().matches("arn:aws:iam::\\d{12}:role/ci/" + name), role.arn());
        assertTrue(role.createDate().isAfter(Instant.now().minus(5, ChronoUnit.MINUTES)));
        assertEquals("Deploys from CI", role.description());
        assertEquals(7200, role.maxSessionDuration());
        assertEquals(List.of(Tag.builder().key("team").value("blue").build()), role.tags());
    }

    @Test
    void getRoleReturnsTheTrustPolicyExactlyAsSent() {
        String name = unique("web");
        givenRole(name);

        Role role = IAM.getRole(b -> b.roleName(name)).role();

        assertEquals(EC2_TRUST, decoded(role.assumeRolePolicyDocument()));
    }

    @Test
    void getRoleFindsTheNameCaseInsensitivelyWithDefaults() {
        String name = unique("Batch");
        givenRole(name);

        Role role = IAM.getRole(b -> b.roleName(name.toLowerCase())).role();

        assertEquals(name, role.roleName());
        assertEquals("/", role.path());
        assertEquals(3600, role.maxSessionDuration());
        assertNull(role.roleLastUsed().lastUsedDate());
        assertNull(role.permissionsBoundary());
    }

    @Test
    void keepsThePermissionsBoundaryArn() {
        String name = unique("bounded");
        String boundary = "arn:aws:iam::aws:policy/PowerUserAccess";

        IAM.createRole(b -> b.roleName(name).assumeRolePolicyDocument(EC2_TRUST).permissionsBoundary(boundary));

        Role role = IAM.getRole(b -> b.roleName(name)).role();
        assertEquals(boundary, role.permissionsBoundary().permissionsBoundaryArn());
        assertEquals("PermissionsBoundaryPolicy", role.permissionsBoundary().permissionsBoundaryTypeAsString());
    }

    @Test
    void refusesABoundaryThatIsNotAPolicyArn() {
        IamException e = assertThrows(IamException.class, () -> IAM.createRole(b -> b.roleName(unique("x"))
                .assumeRolePolicyDocument(EC2_TRUST).permissionsBoundary("arn:aws:iam::123456789012:user/alice")));

        assertEquals("InvalidInput", e.awsErrorDetails().errorCode());
    }

    @Test
    void refusesASecondRoleWhoseNameDiffersOnlyInCase() {
        String name = unique("auditor");
        givenRole(name);

        EntityAlreadyExistsException e = assertThrows(EntityAlreadyExistsException.class,
                () -> givenRole(name.toUpperCase()));

        assertEquals(409, e.statusCode());
    }

    @Test
    void refusesATrustPolicyWithoutPrincipal() {
        String noPrincipal = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}""";

        MalformedPolicyDocumentException e = assertThrows(MalformedPolicyDocumentException.class,
                () -> IAM.createRole(b -> b.roleName(unique("np")).assumeRolePolicyDocument(noPrincipal)));

        assertEquals("MalformedPolicyDocument", e.awsErrorDetails().errorCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains("Principal"), e.awsErrorDetails().errorMessage());
    }

    @Test
    void refusesASessionDurationBelowOneHour() {
        IamException e = assertThrows(IamException.class, () -> IAM.createRole(b -> b.roleName(unique("short"))
                .assumeRolePolicyDocument(EC2_TRUST).maxSessionDuration(100)));

        assertEquals("ValidationError", e.awsErrorDetails().errorCode());
    }

    @Test
    void refusesASessionDurationAboveTwelveHours() {
        String name = unique("long");
        givenRole(name);

        IamException e = assertThrows(IamException.class,
                () -> IAM.updateRole(b -> b.roleName(name).maxSessionDuration(50000)));

        assertEquals("ValidationError", e.awsErrorDetails().errorCode());
    }

    @Test
    void updateRoleChangesDescriptionAndDuration() {
        String name = unique("upd");
        givenRole(name);

        IAM.updateRole(b -> b.roleName(name).description("nightly jobs").maxSessionDuration(43200));

        Role role = IAM.getRole(b -> b.roleName(name)).role();
        assertEquals("nightly jobs", role.description());
        assertEquals(43200, role.maxSessionDuration());
    }

    @Test
    void updateRoleDescriptionReturnsTheRole() {
        String name = unique("desc");
        givenRole(name);

        Role role = IAM.updateRoleDescription(b -> b.roleName(name).description("reads logs")).role();

        assertEquals("reads logs", role.description());
        assertEquals(name, role.roleName());
    }

    @Test
    void updateAssumeRolePolicyReplacesTheTrustPolicy() {
        String name = unique("trust");
        givenRole(name);
        String lambdaTrust = EC2_TRUST.replace("ec2.amazonaws.com", "lambda.amazonaws.com");

        IAM.updateAssumeRolePolicy(b -> b.roleName(name).policyDocument(lambdaTrust));

        assertEquals(lambdaTrust, decoded(IAM.getRole(b -> b.roleName(name)).role().assumeRolePolicyDocument()));
    }

    @Test
    void updateAssumeRolePolicyRefusesAPolicyWithoutPrincipal() {
        String name = unique("trust2");
        givenRole(name);

        assertThrows(MalformedPolicyDocumentException.class, () -> IAM.updateAssumeRolePolicy(b -> b.roleName(name)
                .policyDocument("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\"}]}")));
    }

    @Test
    void listRolesFiltersByPathAndPages() {
        String path = "/" + unique("rp") + "/";
        List<String> names = List.of(unique("a"), unique("b"), unique("c")).stream().sorted().toList();
        names.forEach(n -> IAM.createRole(b -> b.roleName(n).path(path).assumeRolePolicyDocument(EC2_TRUST)));

        ListRolesResponse first = IAM.listRoles(b -> b.pathPrefix(path).maxItems(2));
        ListRolesResponse second = IAM.listRoles(b -> b.pathPrefix(path).maxItems(2).marker(first.marker()));

        assertEquals(names.subList(0, 2), first.roles().stream().map(Role::roleName).toList());
        assertTrue(first.isTruncated());
        assertEquals(names.subList(2, 3), second.roles().stream().map(Role::roleName).toList());
        assertFalse(second.isTruncated());
        assertEquals(EC2_TRUST, decoded(second.roles().get(0).assumeRolePolicyDocument()));
    }

    @Test
    void tagsAreMergedCaseInsensitivelyListedAndRemoved() {
        String name = unique("tagged");
        IAM.createRole(b -> b.roleName(name).assumeRolePolicyDocument(EC2_TRUST)
                .tags(Tag.builder().key("Env").value("dev").build()));

        IAM.tagRole(b -> b.roleName(name).tags(Tag.builder().key("env").value("prod").build(),
                Tag.builder().key("owner").value("ops").build()));
        assertEquals(List.of(Tag.builder().key("env").value("prod").build(),
                        Tag.builder().key("owner").value("ops").build()),
                IAM.listRoleTags(b -> b.roleName(name)).tags());

        IAM.untagRole(b -> b.roleName(name).tagKeys("OWNER"));
        assertEquals(List.of(Tag.builder().key("env").value("prod").build()),
                IAM.getRole(b -> b.roleName(name)).role().tags());
    }

    @Test
    void deleteRoleRemovesIt() {
        String name = unique("gone");
        givenRole(name);

        IAM.deleteRole(b -> b.roleName(name));

        assertThrows(NoSuchEntityException.class, () -> IAM.getRole(b -> b.roleName(name)));
    }

    @Test
    void actionsOnAMissingRoleAreNoSuchEntity() {
        String missing = unique("missing");

        assertThrows(NoSuchEntityException.class, () -> IAM.getRole(b -> b.roleName(missing)));
        assertThrows(NoSuchEntityException.class, () -> IAM.deleteRole(b -> b.roleName(missing)));
        assertThrows(NoSuchEntityException.class, () -> IAM.updateRole(b -> b.roleName(missing).description("x")));
        assertThrows(NoSuchEntityException.class, () -> IAM.listRoleTags(b -> b.roleName(missing)));
    }
}
