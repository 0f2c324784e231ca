package io.gatehouse.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.Statement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The policy simulator through the AWS SDK: custom policies, a principal's stored policies, and who may simulate. */
class SimulatorApiIT extends GatehouseServer {

    private static final IamClient IAM = admin();
    private static final String READ_BUCKET = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"List","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::my-bucket"},
              {"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/*"}]}""";

    @AfterAll
    static void close() {
        IAM.close();
    }

    @Test
    void aCustomPolicyIsSimulatedPerActionAndResourceWithItsMatchedStatement() {
        List<EvaluationResult> results = IAM.simulateCustomPolicy(b -> b.policyInputList(READ_BUCKET)
                .actionNames("s3:GetObject", "s3:PutObject")
                .resourceArns("arn:aws:s3:::my-bucket/report.csv")).evaluationResults();

        assertEquals(2, results.size());
        EvaluationResult get = results.get(0);
        assertEquals("s3:GetObject", get.evalActionName());
        assertEquals("arn:aws:s3:::my-bucket/report.csv", get.evalResourceName());
        assertEquals(PolicyEvaluationDecisionType.ALLOWED, get.evalDecision());
        Statement matched = get.matchedStatements().get(0);
        assertEquals("PolicyInputList.1", matched.sourcePolicyId());
        assertEquals(3, matched.startPosition().line());
        assertEquals(3, matched.endPosition().line());
        assertTrue(matched.endPosition().column() > matched.startPosition().column());
        assertEquals(PolicyEvaluationDecisionType.IMPLICIT_DENY, results.get(1).evalDecision());
    }

    @Test
    void anExplicitDenyAndMissingContextValuesAreReported() {
        String denyOutsideOffice = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*",
                 "Condition":{"NotIpAddress":{"aws:SourceIp":"192.0.2.0/24"}}}]}""";

        EvaluationResult unknownIp = IAM.simulateCustomPolicy(b -> b.policyInputList(READ_BUCKET, denyOutsideOffice)
                .actionNames("s3:GetObject").resourceArns("arn:aws:s3:::my-bucket/a")).evaluationResults().get(0);
        assertEquals(List.of("aws:SourceIp"), unknownIp.missingContextValues());

        EvaluationResult outside = IAM.simulateCustomPolicy(b -> b.policyInputList(READ_BUCKET, denyOutsideOffice)
                .actionNames("s3:GetObject").resourceArns("arn:aws:s3:::my-bucket/a")
                .contextEntries(ContextEntry.builder().contextKeyName("aws:SourceIp")
                        .contextKeyType(ContextKeyTypeEnum.IP).contextKeyValues("203.0.113.9").build()))
                .evaluationResults().get(0);
        assertEquals(PolicyEvaluationDecisionType.EXPLICIT_DENY, outside.evalDecision());

        EvaluationResult inside = IAM.simulateCustomPolicy(b -> b.policyInputList(READ_BUCKET, denyOutsideOffice)
                .actionNames("s3:GetObject").resourceArns("arn:aws:s3:::my-bucket/a")
                .contextEntries(ContextEntry.builder().contextKeyName("aws:SourceIp")
                        .contextKeyType(ContextKeyTypeEnum.IP).contextKeyValues("192.0.2.9").build()))
                .evaluationResults().get(0);
        assertEquals(PolicyEvaluationDecisionType.ALLOWED, inside.evalDecision());
    }

    @Test
    void aBoundaryInputCapsTheDecision() {
        EvaluationResult result = IAM.simulateCustomPolicy(b -> b
                .policyInputList("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}")
                .permissionsBoundaryPolicyInputList(READ_BUCKET)
                .actionNames("iam:CreateUser")).evaluationResults().get(0);

        assertEquals(PolicyEvaluationDecisionType.IMPLICIT_DENY, result.evalDecision());
        assertEquals(false, result.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary());
    }

    @Test
    void aPrincipalSimulationUsesItsGroupsAndAttachedPolicies() {
        String user = unique("sim-user");
        String group = unique("sim-group");
        IAM.createUser(b -> b.userName(user));
        IAM.createGroup(b -> b.groupName(group));
        IAM.addUserToGroup(b -> b.groupName(group).userName(user));
        IAM.putGroupPolicy(b -> b.groupName(group).policyName("bucket").policyDocument(READ_BUCKET));
        IAM.attachUserPolicy(b -> b.userName(user).policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
        String userArn = IAM.getUser(b -> b.userName(user)).user().arn();

        List<EvaluationResult> results = IAM.simulatePrincipalPolicy(b -> b.policySourceArn(userArn)
                .actionNames("s3:GetObject", "iam:ListUsers", "iam:CreateUser")
                .resourceArns("arn:aws:s3:::my-bucket/x")).evaluationResults();

        assertEquals(PolicyEvaluationDecisionType.ALLOWED, results.get(0).evalDecision());
        assertEquals("bucket", results.get(0).matchedStatements().get(0).sourcePolicyId());
        assertEquals("group", results.get(0).matchedStatements().get(0).sourcePolicyTypeAsString());
        assertEquals(PolicyEvaluationDecisionType.ALLOWED, results.get(1).evalDecision());
        assertEquals("IAMReadOnlyAccess", results.get(1).matchedStatements().get(0).sourcePolicyId());
        assertEquals("aws-managed", results.get(1).matchedStatements().get(0).sourcePolicyTypeAsString());
        assertEquals(PolicyEvaluationDecisionType.IMPLICIT_DENY, results.get(2).evalDecision());
    }

    @Test
    void aRolesPoliciesAreSimulatedAndAMissingPrincipalIsNoSuchEntity() {
        String role = unique("sim-role");
        String roleArn = IAM.createRole(b -> b.roleName(role).assumeRolePolicyDocument("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""")).role().arn();
        IAM.putRolePolicy(b -> b.roleName(role).policyName("read").policyDocument(READ_BUCKET));

        EvaluationResult result = IAM.simulatePrincipalPolicy(b -> b.policySourceArn(roleArn)
                .actionNames("s3:ListBucket").resourceArns("arn:aws:s3:::my-bucket")).evaluationResults().get(0);
        assertEquals(PolicyEvaluationDecisionType.ALLOWED, result.evalDecision());
        assertEquals("role", result.matchedStatements().get(0).sourcePolicyTypeAsString());

        assertThrows(NoSuchEntityException.class, () -> IAM.simulatePrincipalPolicy(b -> b
                .policySourceArn(roleArn + "-missing").actionNames("s3:ListBucket")));
    }

    @Test
    void aMalformedInputIsRefusedAndSimulationNeedsPermission() {
        assertThrows(MalformedPolicyDocumentException.class, () -> IAM.simulateCustomPolicy(b -> b
                .policyInputList("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\"}]}")
                .actionNames("s3:GetObject")));

        String user = unique("no-sim");
        IAM.createUser(b -> b.userName(user));
        AccessKey key = IAM.createAccessKey(b -> b.userName(user)).accessKey();
        IamException denied = assertThrows(IamException.class, () -> iam(key.accessKeyId(), key.secretAccessKey())
                .simulateCustomPolicy(b -> b.policyInputList(READ_BUCKET).actionNames("s3:GetObject")));
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
    }
}
