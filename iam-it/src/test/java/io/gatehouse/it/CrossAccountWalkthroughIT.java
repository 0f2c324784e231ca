package io.gatehouse.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cross-account walkthrough, end to end through the AWS SDK: the management account creates
 * Production and Development with AWS Organizations, reaches each through its
 * OrganizationAccountAccessRole, and a Development user reads Production's bucket through a role.
 * Organizations is called as AWS's JSON protocol, signed by the SDK's own signer: the SDK's
 * Organizations client is not served by the Maven repository this build reaches at the SDK's
 * version (the AWS CLI walkthrough script calls it through the real CLI).
 */
class CrossAccountWalkthroughIT extends GatehouseServer {

    private static final IamClient ADMIN = admin();
    private static final AwsCredentials ADMIN_KEYS = AwsBasicCredentials.create(adminAccessKeyId(), adminSecret());
    private static final String READ_MY_BUCKET = """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::my-bucket"},
              {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*"}]}""";

    @AfterAll
    static void close() {
        ADMIN.close();
    }

    private static OrganizationsCalls organizations(AwsCredentials credentials) {
        return new OrganizationsCalls(endpoint(), credentials);
    }

    private static String createAccount(String name) {
        OrganizationsCalls organizations = organizations(ADMIN_KEYS);
        Map<String, Object> created = organizations.ok("CreateAccount", Map.of("AccountName", name,
                "Email", name.toLowerCase() + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com"));
        String requestId = (String) OrganizationsCalls.object(created, "CreateAccountStatus").get("Id");
        Map<String, Object> status = OrganizationsCalls.object(organizations.ok("DescribeCreateAccountStatus",
                Map.of("CreateAccountRequestId", requestId)), "CreateAccountStatus");
        assertEquals("SUCCEEDED", status.get("State"));
        String account = (String) status.get("AccountId");
        assertTrue(account.matches("\\d{12}"), account);
        return account;
    }

    /** The management account's administrator inside another account, through OrganizationAccountAccessRole. */
    private static IamClient administer(String account) {
        Credentials session = StsApiIT.sts(ADMIN_KEYS).assumeRole(b -> b
                .roleArn("arn:aws:iam::" + account + ":role/OrganizationAccountAccessRole")
                .roleSessionName("setup")).credentials();
        return StsApiIT.iam(StsApiIT.session(session));
    }

    private static AwsCredentials userWithKeys(IamClient iam, String name, String policy) {
        iam.createUser(b -> b.userName(name));
        if (policy != null) {
            iam.putUserPolicy(b -> b.userName(name).policyName("p").policyDocument(policy));
        }
        AccessKey key = iam.createAccessKey(b -> b.userName(name)).accessKey();
        return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
    }

    @Test
    void aDevelopmentUserReadsProductionsBucketThroughADelegatedRole() {
        String production = createAccount("Production");
        String development = createAccount("Development");

        IamClient prod = administer(production);
        String policyArn = prod.createPolicy(b -> b.policyName("read_my_bucket").policyDocument(READ_MY_BUCKET))
                .policy().arn();
        String roleArn = prod.createRole(b -> b.roleName("delegate_read_my_bucket").assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},"Action":"sts:AssumeRole"}]}
                """.formatted(development))).role().arn();
        prod.attachRolePolicy(b -> b.roleName("delegate_read_my_bucket").policyArn(policyArn));

        IamClient dev = administer(development);
        AwsCredentials developer = userWithKeys(dev, "developer", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"%s"}]}"""
                .formatted(roleArn));

        Credentials session = StsApiIT.sts(developer).assumeRole(b -> b.roleArn(roleArn)
                .roleSessionName("my-s3-session")).credentials();
        GetCallerIdentityResponse identity = StsApiIT.sts(StsApiIT.session(session)).getCallerIdentity();
        assertEquals("arn:aws:sts::" + production + ":assumed-role/delegate_read_my_bucket/my-s3-session", identity.arn());
        assertEquals(production, identity.account());

        List<EvaluationResult> decisions = prod.simulatePrincipalPolicy(b -> b.policySourceArn(roleArn)
                .actionNames("s3:GetObject", "s3:PutObject").resourceArns("arn:aws:s3:::my-bucket/report.csv"))
                .evaluationResults();
        assertEquals(PolicyEvaluationDecisionType.ALLOWED, decisions.get(0).evalDecision());
        assertEquals(PolicyEvaluationDecisionType.IMPLICIT_DENY, decisions.get(1).evalDecision());

        String third = createAccount("Third");
        AwsCredentials outsider = userWithKeys(administer(third), "outsider", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}""");
        StsException refused = assertThrows(StsException.class, () -> StsApiIT.sts(outsider).assumeRole(b -> b
                .roleArn(roleArn).roleSessionName("nope")));
        assertEquals("AccessDenied", refused.awsErrorDetails().errorCode());

        StsException withoutPermission = assertThrows(StsException.class, () -> StsApiIT.sts(
                userWithKeys(dev, "no-assume", null)).assumeRole(b -> b.roleArn(roleArn).roleSessionName("nope")));
        assertEquals("AccessDenied", withoutPermission.awsErrorDetails().errorCode());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theManagementAccountListsAndDescribesItsAccounts() {
        String created = createAccount("Listed");
        OrganizationsCalls organizations = organizations(ADMIN_KEYS);

        List<Map<String, Object>> accounts = new java.util.ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Map<String, Object> request = token == null ? Map.of("MaxResults", 2) : Map.of("MaxResults", 2, "NextToken", token);
            Map<String, Object> page = organizations.ok("ListAccounts", request);
            accounts.addAll((List<Map<String, Object>>) page.get("Accounts"));
            token = (String) page.get("NextToken");
            pages++;
        } while (token != null);
        assertTrue(pages > 1, "ListAccounts pages at MaxResults");
        assertTrue(accounts.stream().anyMatch(a -> a.get("Id").equals(created) && a.get("JoinedMethod").equals("CREATED")));
        String management = StsApiIT.sts(ADMIN_KEYS).getCallerIdentity().account();
        assertTrue(accounts.stream().anyMatch(a -> a.get("Id").equals(management) && a.get("JoinedMethod").equals("INVITED")));
        Map<String, Object> described = OrganizationsCalls.object(organizations.ok("DescribeAccount",
                Map.of("AccountId", created)), "Account");
        assertEquals("Listed", described.get("Name"));
        assertTrue(((String) described.get("Arn")).matches("arn:aws:organizations::" + management
                + ":account/o-[a-z0-9]{10,32}/" + created), (String) described.get("Arn"));
        assertEquals(management, OrganizationsCalls.object(organizations.ok("DescribeOrganization", Map.of()),
                "Organization").get("MasterAccountId"));
        assertEquals("AccountNotFoundException", organizations.error("DescribeAccount", Map.of("AccountId", "000000000001")));
    }

    @Test
    void anEmailAlreadyInUseFailsTheRequestAsAwsReportsIt() {
        String email = "dup+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        OrganizationsCalls organizations = organizations(ADMIN_KEYS);
        organizations.ok("CreateAccount", Map.of("AccountName", "First", "Email", email));

        Map<String, Object> second = OrganizationsCalls.object(organizations.ok("CreateAccount",
                Map.of("AccountName", "Second", "Email", email.toUpperCase())), "CreateAccountStatus");

        assertEquals("FAILED", second.get("State"));
        assertEquals("EMAIL_ALREADY_EXISTS", second.get("FailureReason"));
    }

    @Test
    void onlyTheManagementAccountsPermittedPrincipalsMayCallOrganizations() {
        String member = createAccount("Member");
        AwsCredentials memberUser = userWithKeys(administer(member), "admin-there", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");
        assertEquals("AccessDeniedException", organizations(memberUser).error("ListAccounts", Map.of()));

        AwsCredentials plain = userWithKeys(ADMIN, unique("plain"), null);
        assertEquals("AccessDeniedException", organizations(plain).error("ListAccounts", Map.of()));
        assertEquals("InvalidInputException", organizations(ADMIN_KEYS).error("CreateAccount",
                Map.of("AccountName", "Bad", "Email", "not-an-email")));
    }
}
