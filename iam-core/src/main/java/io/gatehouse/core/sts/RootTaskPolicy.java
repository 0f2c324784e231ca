package io.gatehouse.core.sts;

import java.util.Arrays;
import java.util.Optional;

/**
 * The task policies of AWS's centralized root access: {@code sts:AssumeRoot} names one, and the
 * root session it issues may do only what that AWS-managed policy (under
 * {@code arn:aws:iam::aws:policy/root-task/}) allows.
 */
public enum RootTaskPolicy {
    IAM_AUDIT_ROOT_USER_CREDENTIALS("IAMAuditRootUserCredentials"),
    IAM_CREATE_ROOT_USER_PASSWORD("IAMCreateRootUserPassword"),
    IAM_DELETE_ROOT_USER_CREDENTIALS("IAMDeleteRootUserCredentials"),
    S3_UNLOCK_BUCKET_POLICY("S3UnlockBucketPolicy"),
    SQS_UNLOCK_QUEUE_POLICY("SQSUnlockQueuePolicy");

    public static final String ARN_PREFIX = "arn:aws:iam::aws:policy/root-task/";

    private final String policyName;

    RootTaskPolicy(String policyName) {
        this.policyName = policyName;
    }

    public String policyName() {
        return policyName;
    }

    public String arn() {
        return ARN_PREFIX + policyName;
    }

    public static Optional<RootTaskPolicy> byArn(String arn) {
        return Arrays.stream(values()).filter(task -> task.arn().equals(arn)).findFirst();
    }

    /** The task of a root session issued by AssumeRoot; empty for every other session. */
    public static Optional<RootTaskPolicy> of(SessionToken session) {
        if (!(session.principal() instanceof SessionPrincipal.RootSession) || session.sessionPolicyArns().size() != 1) {
            return Optional.empty();
        }
        return byArn(session.sessionPolicyArns().get(0));
    }
}
