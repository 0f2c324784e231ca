package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.organization.Organization;
import io.gatehouse.core.port.OrganizationRepository;
import io.gatehouse.core.sts.AssumeRoleRequest.SessionPolicies;
import io.gatehouse.core.sts.IssuedSession;
import io.gatehouse.core.sts.RootTaskPolicy;
import io.gatehouse.core.sts.SessionPrincipal;
import io.gatehouse.core.sts.SessionToken;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * AWS's centralized root access, {@code sts:AssumeRoot}: a principal of the organization's
 * management account, allowed the action, gets a short session as the root user of a member
 * account, limited by one task policy (a session policy, so the root's "everything" meets the
 * task's few actions). Member accounts trust the management account for this as they trust it
 * for their access role; the trust is implicit, written here as a resource policy.
 */
public final class RootAccess {

    public static final String ASSUME_ROOT = "sts:AssumeRoot";
    /** AWS: a root task session lasts at most 15 minutes, and that is also its default. */
    static final Duration MAX_ROOT_TASK_SESSION = Duration.ofMinutes(15);

    private final OrganizationRepository organizations;
    private final Authorizer authorizer;
    private final CompiledPolicyCache policies;
    private final SecurityTokenService sts;

    public RootAccess(OrganizationRepository organizations, Authorizer authorizer, CompiledPolicyCache policies,
                      SecurityTokenService sts) {
        this.organizations = organizations;
        this.authorizer = authorizer;
        this.policies = policies;
        this.sts = sts;
    }

    public IssuedSession assumeRoot(Caller caller, String targetPrincipal, String taskPolicyArn,
                                    Optional<Integer> durationSeconds, RequestFacts facts) {
        if (!AccountId.isValid(targetPrincipal)) {
            throw IamException.validation("1 validation error detected: Value '" + targetPrincipal
                    + "' at 'targetPrincipal' failed to satisfy constraint: Member must be a 12-digit account ID");
        }
        Constraint.ARN.check("TaskPolicyArn.arn", taskPolicyArn);
        RootTaskPolicy task = RootTaskPolicy.byArn(taskPolicyArn).orElseThrow(() -> IamException.validation(
                "The TaskPolicyArn must be one of the AWS-managed policies under " + RootTaskPolicy.ARN_PREFIX));
        Duration duration = Duration.ofSeconds(durationSeconds.map(seconds -> Constraint.range("DurationSeconds",
                seconds, 1, (int) MAX_ROOT_TASK_SESSION.getSeconds())).orElse((int) MAX_ROOT_TASK_SESSION.getSeconds()));
        if (caller.isRoot()) {
            throw IamException.accessDenied("You cannot use root user credentials to call AssumeRoot.");
        }
        AccountId target = new AccountId(targetPrincipal);
        Arn targetRoot = Arn.accountRoot(target);
        Organization organization = organizations.find()
                .filter(found -> found.managementAccount().equals(caller.account()))
                .orElseThrow(() -> IamException.accessDenied("User: " + caller.arn() + " is not authorized to perform: "
                        + ASSUME_ROOT + " on resource: " + targetRoot
                        + " because only the organization's management account may assume a member account's root"));
        authorizer.authorize(caller, ASSUME_ROOT, targetRoot, facts, ResourceAccess.trustPolicy(
                policies.compiledTrustPolicy("root-access#" + organization.managementAccount(),
                        organizationTrust(organization.managementAccount())),
                Map.of("sts:TaskPolicyArn", List.of(task.arn()))));
        if (target.equals(organization.managementAccount())) {
            throw IamException.accessDenied("AssumeRoot targets member accounts only: " + target
                    + " is the organization's management account.");
        }
        if (organizations.member(target).isEmpty()) {
            throw IamException.accessDenied("The account " + target + " is not a member of the organization "
                    + organization.id() + ".");
        }
        Optional<String> sourceIdentity = caller.session().flatMap(SessionToken::sourceIdentity);
        return sts.issue(new SessionPrincipal.RootSession(target), duration, Optional.empty(),
                new SessionPolicies(Optional.empty(), List.of(task.arn())), List.of(), Set.of(), sourceIdentity, false);
    }

    private static String organizationTrust(AccountId management) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + Arn.accountRoot(management) + "\"},\"Action\":\"" + ASSUME_ROOT + "\"}]}";
    }
}
