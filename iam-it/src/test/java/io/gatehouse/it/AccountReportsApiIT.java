package io.gatehouse.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.UserDetail;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The account's reports: the credential report's CSV and GetAccountAuthorizationDetails. */
class AccountReportsApiIT extends GatehouseServer {

    private static final IamClient IAM = admin();
    private static final String LIST_USERS = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:ListUsers","Resource":"*"}]}""";

    @AfterAll
    static void close() {
        IAM.close();
    }

    @Test
    void theCredentialReportHasARowPerUserWithAwsColumns() {
        String full = unique("full");
        String bare = unique("bare");
        IAM.createUser(b -> b.userName(full));
        IAM.createUser(b -> b.userName(bare));
        IAM.createLoginProfile(b -> b.userName(full).password("Report-Pass-123!"));
        IAM.putUserPolicy(b -> b.userName(full).policyName("list").policyDocument(LIST_USERS));
        AccessKey used = IAM.createAccessKey(b -> b.userName(full)).accessKey();
        AccessKey idle = IAM.createAccessKey(b -> b.userName(full)).accessKey();
        IAM.updateAccessKey(b -> b.userName(full).accessKeyId(idle.accessKeyId()).status(StatusType.INACTIVE));
        iam(used.accessKeyId(), used.secretAccessKey()).listUsers();
        Authenticator.create(IAM, unique("phone")).enableFor(IAM, full);
        IAM.uploadSigningCertificate(b -> b.userName(full).certificateBody(TestCertificates.valid("report")));

        ReportStateType state = IAM.generateCredentialReport().state();
        assertTrue(state == ReportStateType.STARTED || state == ReportStateType.COMPLETE, state.toString());
        var report = IAM.getCredentialReport();
        assertEquals("text/csv", report.reportFormatAsString());
        String[] lines = report.content().asUtf8String().split("\n");
        List<String> header = Arrays.asList(lines[0].split(","));
        assertEquals(22, header.size());
        assertEquals("<root_account>", lines[1].split(",")[0]);
        Map<String, Map<String, String>> rows = Arrays.stream(lines).skip(1)
                .map(line -> line.split(","))
                .collect(Collectors.toMap(cells -> cells[0], cells -> row(header, cells), (a, b) -> a));

        Map<String, String> row = rows.get(full);
        assertEquals("true", row.get("password_enabled"));
        assertEquals("no_information", row.get("password_last_used"));
        OffsetDateTime.parse(row.get("password_last_changed"));
        assertEquals("true", row.get("mfa_active"));
        assertEquals("true", row.get("access_key_1_active"));
        OffsetDateTime.parse(row.get("access_key_1_last_used_date"));
        assertEquals("us-east-1", row.get("access_key_1_last_used_region"));
        assertEquals("iam", row.get("access_key_1_last_used_service"));
        assertEquals("false", row.get("access_key_2_active"));
        assertEquals("N/A", row.get("access_key_2_last_used_date"));
        assertEquals("true", row.get("cert_1_active"));
        assertEquals("false", row.get("cert_2_active"));

        Map<String, String> empty = rows.get(bare);
        assertEquals("false", empty.get("password_enabled"));
        assertEquals("N/A", empty.get("password_last_changed"));
        assertEquals("false", empty.get("mfa_active"));
        assertEquals("false", empty.get("access_key_1_active"));
        assertEquals("N/A", empty.get("access_key_1_last_rotated"));
        assertTrue(report.generatedTime().isBefore(Instant.now().plusSeconds(5)));
    }

    private static Map<String, String> row(List<String> header, String[] cells) {
        Map<String, String> row = new java.util.HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), cells[i]);
        }
        return row;
    }

    @Test
    void authorizationDetailsShowEveryIdentityWithItsPoliciesAndTheManagedPolicies() {
        String user = unique("detail-user");
        String group = unique("detail-group");
        String role = unique("detail-role");
        IAM.createUser(b -> b.userName(user));
        IAM.createGroup(b -> b.groupName(group));
        IAM.addUserToGroup(b -> b.groupName(group).userName(user));
        IAM.putUserPolicy(b -> b.userName(user).policyName("inline").policyDocument(LIST_USERS));
        IAM.attachUserPolicy(b -> b.userName(user).policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
        IAM.createRole(b -> b.roleName(role).permissionsBoundary("arn:aws:iam::aws:policy/ReadOnlyAccess")
                .assumeRolePolicyDocument("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));
        IAM.putRolePolicy(b -> b.roleName(role).policyName("role-inline").policyDocument(LIST_USERS));
        String policyArn = IAM.createPolicy(b -> b.policyName(unique("detail-policy")).policyDocument(LIST_USERS))
                .policy().arn();

        GetAccountAuthorizationDetailsResponse all = everything(null);
        UserDetail userDetail = all.userDetailList().stream().filter(u -> u.userName().equals(user)).findFirst().orElseThrow();
        assertEquals(List.of(group), userDetail.groupList());
        assertEquals("inline", userDetail.userPolicyList().get(0).policyName());
        assertEquals(LIST_USERS, URLDecoder.decode(userDetail.userPolicyList().get(0).policyDocument(), StandardCharsets.UTF_8));
        assertEquals("IAMReadOnlyAccess", userDetail.attachedManagedPolicies().get(0).policyName());
        assertTrue(all.groupDetailList().stream().anyMatch(g -> g.groupName().equals(group)));
        RoleDetail roleDetail = all.roleDetailList().stream().filter(r -> r.roleName().equals(role)).findFirst().orElseThrow();
        assertEquals("role-inline", roleDetail.rolePolicyList().get(0).policyName());
        assertEquals("arn:aws:iam::aws:policy/ReadOnlyAccess", roleDetail.permissionsBoundary().permissionsBoundaryArn());
        assertTrue(all.policies().stream().anyMatch(p -> p.arn().equals(policyArn)
                && p.policyVersionList().get(0).isDefaultVersion()));
        assertTrue(all.policies().stream().anyMatch(p -> p.arn().equals("arn:aws:iam::aws:policy/IAMReadOnlyAccess")),
                "AWS-managed policies in use are listed");
        assertTrue(all.policies().stream().noneMatch(p -> p.arn().equals("arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess")),
                "AWS-managed policies not in use are not");

        GetAccountAuthorizationDetailsResponse rolesOnly = IAM.getAccountAuthorizationDetails(b -> b.filter(EntityType.ROLE));
        assertEquals(List.of(), rolesOnly.userDetailList());
        assertTrue(rolesOnly.roleDetailList().stream().anyMatch(r -> r.roleName().equals(role)));
    }

    /** Every page, followed by marker. */
    private static GetAccountAuthorizationDetailsResponse everything(String ignored) {
        List<UserDetail> users = new java.util.ArrayList<>();
        List<software.amazon.awssdk.services.iam.model.GroupDetail> groups = new java.util.ArrayList<>();
        List<RoleDetail> roles = new java.util.ArrayList<>();
        List<software.amazon.awssdk.services.iam.model.ManagedPolicyDetail> policies = new java.util.ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String from = marker;
            GetAccountAuthorizationDetailsResponse page = IAM.getAccountAuthorizationDetails(b -> b.maxItems(3).marker(from));
            users.addAll(page.userDetailList());
            groups.addAll(page.groupDetailList());
            roles.addAll(page.roleDetailList());
            policies.addAll(page.policies());
            marker = page.isTruncated() ? page.marker() : null;
            pages++;
        } while (marker != null);
        assertTrue(pages > 1, "the listing pages at 3 entries");
        return GetAccountAuthorizationDetailsResponse.builder().userDetailList(users).groupDetailList(groups)
                .roleDetailList(roles).policies(policies).build();
    }
}
