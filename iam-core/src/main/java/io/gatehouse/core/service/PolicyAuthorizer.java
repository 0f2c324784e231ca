package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.ManagedPolicy;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.policy.Effect;
import io.gatehouse.core.policy.eval.Decision;
import io.gatehouse.core.policy.eval.MatchedStatement;
import io.gatehouse.core.policy.eval.Outcome;
import io.gatehouse.core.policy.eval.PolicyEvaluator;
import io.gatehouse.core.policy.eval.PolicySet;
import io.gatehouse.core.policy.eval.PolicyType;
import io.gatehouse.core.policy.eval.RequestContext;
import io.gatehouse.core.policy.eval.RequestPrincipal;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Predicate;

/**
 * Authorizes every action with AWS's policy evaluation: the caller's identity policies, limited by
 * its permissions boundary. The account's root user may do everything in its own account and
 * nothing in another. A user without policies may do nothing.
 */
public final class PolicyAuthorizer implements Authorizer {

    public static final String CHANGE_PASSWORD = "iam:ChangePassword";

    private final PrincipalPolicies policies;
    private final PolicyEvaluator evaluator;
    private final Predicate<AccountId> usersMayChangeOwnPassword;

    public PolicyAuthorizer(PrincipalPolicies policies, PolicyEvaluator evaluator) {
        this(policies, evaluator, account -> false);
    }

    /**
     * @param usersMayChangeOwnPassword whether an account's password policy sets
     *        AllowUsersToChangePassword: AWS then lets every IAM user change their own password
     *        without a policy that grants iam:ChangePassword
     */
    public PolicyAuthorizer(PrincipalPolicies policies, PolicyEvaluator evaluator,
                            Predicate<AccountId> usersMayChangeOwnPassword) {
        this.policies = policies;
        this.evaluator = evaluator;
        this.usersMayChangeOwnPassword = usersMayChangeOwnPassword;
    }

    @Override
    public void authorize(Caller caller, String action, Arn resource, RequestFacts request) {
        boolean ownAccount = resourceAccount(caller, resource).equals(caller.account().value());
        if (caller.isRoot()) {
            if (ownAccount) {
                return;
            }
            throw denied(caller, action, resource, "because no identity-based policy allows the " + action + " action");
        }
        User user = caller.user().orElseThrow();
        PolicySet set = policies.forUser(user);
        Decision decision = evaluator.decide(context(caller, action, resource, request), set);
        if (decision.outcome() == Outcome.IMPLICIT_DENY && changesOwnPassword(caller, action, resource)) {
            return; // the password policy's grant; an explicit deny still wins
        }
        if (!decision.isAllowed()) {
            throw denied(caller, action, resource, reason(decision, action));
        }
    }

    private boolean changesOwnPassword(Caller caller, String action, Arn resource) {
        return CHANGE_PASSWORD.equals(action) && resource.equals(caller.arn())
                && usersMayChangeOwnPassword.test(caller.account());
    }

    /** The request as the evaluator sees it, with the global condition keys AWS sets for an IAM user. */
    static RequestContext context(Caller caller, String action, Arn resource, RequestFacts request) {
        String account = caller.account().value();
        RequestContext.Builder context = RequestContext.builder()
                .action(action)
                .resource(resource.toString())
                .resourceAccount(resourceAccount(caller, resource))
                .key("aws:PrincipalArn", caller.arn().toString())
                .key("aws:PrincipalAccount", account)
                .key("aws:userid", caller.principalId())
                .key("aws:CurrentTime", DateTimeFormatter.ISO_INSTANT.format(request.time().truncatedTo(ChronoUnit.SECONDS)))
                .key("aws:EpochTime", Long.toString(request.time().getEpochSecond()))
                .key("aws:SourceIp", request.sourceIp())
                .key("aws:SecureTransport", Boolean.toString(request.secureTransport()));
        // aws:MultiFactorAuthPresent is deliberately absent: AWS omits it for long-term access keys.
        caller.user().ifPresentOrElse(user -> {
            context.principal(RequestPrincipal.user(account, caller.arn().toString()))
                    .key("aws:username", user.name())
                    .key("aws:PrincipalType", "User");
            for (Tag tag : user.tags()) {
                context.key("aws:PrincipalTag/" + tag.key(), tag.value());
            }
        }, () -> context.principal(RequestPrincipal.root(account)).key("aws:PrincipalType", "Account"));
        return context.build();
    }

    /**
     * The account a resource belongs to for evaluation. AWS-managed policies ({@code arn:aws:iam::aws:...})
     * are shared with every account, so reading or attaching them is not a cross-account request;
     * the policy service refuses to change them.
     */
    static String resourceAccount(Caller caller, Arn resource) {
        String account = resource.account();
        return account.isEmpty() || account.equals(ManagedPolicy.AWS_ACCOUNT) ? caller.account().value() : account;
    }

    /** AWS's wording of why: an explicit deny names the kind of policy it came from. */
    static String reason(Decision decision, String action) {
        return switch (decision.basis()) {
            case EXPLICIT_DENY -> "with an explicit deny in " + denyingPolicy(decision);
            case NO_PERMISSIONS_BOUNDARY_ALLOWS -> "because no permissions boundary allows the " + action + " action";
            case NO_SESSION_POLICY_ALLOWS -> "because no session policy allows the " + action + " action";
            default -> "because no identity-based policy allows the " + action + " action";
        };
    }

    private static String denyingPolicy(Decision decision) {
        PolicyType type = decision.matchedStatements().stream()
                .filter(s -> s.effect() == Effect.DENY)
                .map(MatchedStatement::policyType)
                .findFirst().orElse(PolicyType.IDENTITY);
        return switch (type) {
            case IDENTITY -> "an identity-based policy";
            case PERMISSION_BOUNDARY -> "a permissions boundary";
            case SESSION -> "a session policy";
            case RESOURCE -> "a resource-based policy";
        };
    }

    private static IamException denied(Caller caller, String action, Arn resource, String reason) {
        return IamException.accessDenied("User: " + caller.arn() + " is not authorized to perform: " + action
                + " on resource: " + resource + " " + reason);
    }
}
