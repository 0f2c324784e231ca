package io.gatehouse.core.service;

import io.gatehouse.core.identity.ManagedPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AWS-managed policies shipped with the server. */
class AwsManagedPoliciesTest {

    private final AwsManagedPolicies catalog = AwsManagedPolicies.load();

    @Test
    void shipsTheDocumentedPoliciesUnderTheAwsAccount() {
        List<String> names = catalog.all().stream().map(ManagedPolicy::name).toList();

        assertEquals(List.of("AdministratorAccess", "AmazonDynamoDBReadOnlyAccess", "AmazonS3ReadOnlyAccess",
                "IAMAuditRootUserCredentials", "IAMCreateRootUserPassword", "IAMDeleteRootUserCredentials",
                "IAMFullAccess", "IAMReadOnlyAccess", "IAMUserChangePassword", "PowerUserAccess", "ReadOnlyAccess",
                "S3UnlockBucketPolicy", "SQSUnlockQueuePolicy"), names);
        assertTrue(catalog.all().stream().allMatch(ManagedPolicy::isAwsManaged));
    }

    @Test
    void everyRootTaskPolicyIsShippedUnderTheRootTaskPath() {
        for (io.gatehouse.core.sts.RootTaskPolicy task : io.gatehouse.core.sts.RootTaskPolicy.values()) {
            ManagedPolicy policy = catalog.find(task.arn()).orElseThrow(() -> new AssertionError(task.arn()));
            assertEquals("/root-task/", policy.path());
        }
    }

    @Test
    void eachHasOneDefaultVersionAndAStableId() {
        ManagedPolicy admin = catalog.find("arn:aws:iam::aws:policy/AdministratorAccess").orElseThrow();

        assertEquals("v1", admin.defaultVersionId());
        assertTrue(catalog.version(admin.arn().toString(), "v1").isPresent());
        assertTrue(admin.policyId().matches("ANPA[A-Z2-7]{17}"), admin.policyId());
        assertEquals(admin.policyId(), AwsManagedPolicies.load().find(admin.arn().toString()).orElseThrow().policyId());
    }
}
