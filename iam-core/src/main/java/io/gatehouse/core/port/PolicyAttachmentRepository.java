package io.gatehouse.core.port;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.PolicyAttachment;
import io.gatehouse.core.identity.PrincipalType;

import java.util.List;

/**
 * Which managed policies are attached to which identities, as permissions or as permissions
 * boundary. Policies are named by ARN so AWS-managed ones (which live outside the database)
 * attach like any other; counts are per account, as AWS reports them.
 */
public interface PolicyAttachmentRepository {

    void attach(AccountId account, PolicyAttachment attachment);

    /** @return whether it was attached */
    boolean detach(PolicyAttachment attachment);

    boolean isAttached(PolicyAttachment attachment);

    /** ARNs attached to the identity with that kind, ordered. */
    List<String> attachedTo(PrincipalType type, String principalId, PolicyAttachment.Kind kind);

    /** The identities the policy is attached to with that kind within the account. */
    List<PolicyAttachment> attachmentsOf(AccountId account, String policyArn, PolicyAttachment.Kind kind);

    long count(AccountId account, String policyArn, PolicyAttachment.Kind kind);
}
