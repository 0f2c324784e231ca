package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.AuthorizationRefusal;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.ManagedPolicy;
import io.gatehouse.core.identity.Role;
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
import io.gatehouse.core.port.RoleRepository;
import io.gatehouse.core.sts.AuthorizationMessageCodec;
import io.gatehouse.core.sts.SessionPrincipal;
import io.gatehouse.core.sts.SessionToken;

import java.time.Duration;
import java.time.Instant;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Authorizes every action with AWS's policy evaluation: the caller's identity policies, limited by
 * its permissions boundary. The account's root user may do everything in its own account and
 * nothing in another. A user without policies may do nothing.
 */
public final class PolicyAuthorizer implements Authorizer {

    public static final String CHANGE_PASSWORD = "iam:ChangePassword";

    private final PrincipalPolicies policies;
    private final RoleRepository roles;
    private final PolicyEvaluator evaluator;
    private final Predicate<AccountId> usersMayChangeOwnPassword;
    private final Optional<AuthorizationMessageCodec> messages;

    public PolicyAuthorizer(PrincipalPolicies policies, RoleRepository roles, PolicyEvaluator evaluator) {
        this(policies, roles, evaluator, account -> false);
    }

    public PolicyAuthorizer(PrincipalPolicies policies, RoleRepository roles, PolicyEvaluator evaluator,
                            Predicate<AccountId> usersMayChangeOwnPassword) {
        this(policies, roles, evaluator, usersMayChangeOwnPassword, Optional.empty());
    }

    /**
     * @param usersMayChangeOwnPassword whether an account's password policy sets
     *        AllowUsersToChangePassword: AWS then lets every IAM user change their own password
     *        without a policy that grants iam:ChangePassword
     * @param messages encodes the details of IAM refusals into an {@link AuthorizationRefusal}, for
     *        sts:DecodeAuthorizationMessage (as EC2 does); none when absent
     */
    public PolicyAuthorizer(PrincipalPolicies policies, RoleRepository roles, PolicyEvaluator evaluator,
                            Predicate<AccountId> usersMayChangeOwnPassword,
                            Optional<AuthorizationMessageCodec> messages) {
        this.policies = policies;
        this.roles = roles;
        this.evaluator = evaluator;
        this.usersMayChangeOwnPassword = usersMayChangeOwnPassword;
        this.messages = messages;
    }

    @Override
    public void authorize(Caller caller, String action, Arn resource, RequestFacts request, ResourceAccess access) {
        boolean ownAccount = resourceAccount(caller, resource).equals(caller.account().value());
        if (caller.isRoot()) {
            if (!ownAccount) {
                throw denied(caller, action, resource, "because no identity-based policy allows the " + action + " action");
            }
            if (caller.session().map(s -> s.sessionPolicy().isEmpty() && s.sessionPolicyArns().isEmpty()).orElse(true)) {
                return;
            }
            // A root session with session policies (AssumeRoot's task policy) may do what they allow.
        }
        PolicySet set = caller.session().map(policies::forSession)
                .orElseGet(() -> policies.forUser(caller.user().orElseThrow()));
        if (access.resourcePolicy().isPresent()) {
            set = set.withResourcePolicy(access.resourcePolicy().get());
        }
        RequestContext context = context(caller, action, resource, request, access.requestKeys());
        Decision decision = evaluator.decide(context, set);
        if (decision.outcome() == Outcome.IMPLICIT_DENY && changesOwnPassword(caller, action, resource)) {
            return; // the password policy's grant; an explicit deny still wins
        }
        if (!decision.isAllowed()) {
            throw encoded(denied(caller, action, resource, reason(decision, action)), caller, decision, context);
        }
        if (access.resourcePolicyMustAllow() && decision.matchedStatements().stream()
                .noneMatch(s -> s.policyType() == PolicyType.RESOURCE && s.effect() == Effect.ALLOW)) {
            throw denied(caller, action, resource, "because no resource-based policy allows the " + action + " action");
        }
    }

    /**
     * Only IAM's own actions carry an encoded message: they act in the caller's account on named
     * resources, so the message's presence says nothing about whether a role in another account
     * exists (STS's refusals read alike either way).
     */
    private IamException encoded(IamException refusal, Caller caller, Decision decision, RequestContext context) {
        if (messages.isEmpty() || !context.action().regionMatches(true, 0, "iam:", 0, 4)) {
            return refusal;
        }
        String encoded = messages.get().encode(AuthorizationFailureMessage.json(caller, decision, context));
        return new AuthorizationRefusal(refusal.getMessage(), encoded);
    }

    private boolean changesOwnPassword(Caller caller, String action, Arn resource) {
        return CHANGE_PASSWORD.equals(action) && resource.equals(caller.arn())
                && usersMayChangeOwnPassword.test(caller.account());
    }

    /** The request as the evaluator sees it, with the global condition keys AWS sets for an IAM user. */
    RequestContext context(Caller caller, String action, Arn resource, RequestFacts request,
                           Map<String, List<String>> requestKeys) {
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
        caller.session().ifPresentOrElse(session -> sessionKeys(caller, session, request.time(), context),
                // aws:MultiFactorAuthPresent is deliberately absent: AWS omits it for long-term access keys.
                () -> caller.user().ifPresentOrElse(user -> userKeys(caller, user, context),
                        () -> context.principal(RequestPrincipal.root(account)).key("aws:PrincipalType", "Account")));
        requestKeys.forEach(context::key);
        return context.build();
    }

    private static void userKeys(Caller caller, User user, RequestContext.Builder context) {
        context.principal(RequestPrincipal.user(caller.account().value(), caller.arn().toString()))
                .key("aws:username", user.name())
                .key("aws:PrincipalType", "User");
        for (Tag tag : user.tags()) {
            context.key("aws:PrincipalTag/" + tag.key(), tag.value());
        }
    }

    /**
     * Temporary credentials add the MFA keys (present, as true or false), the token's issue time,
     * the source identity and the session tags; a role session is known by its role's ARN in
     * aws:PrincipalArn and matches Principal elements by session or role ARN.
     */
    private void sessionKeys(Caller caller, SessionToken session, Instant now, RequestContext.Builder context) {
        String account = caller.account().value();
        context.key("aws:TokenIssueTime", DateTimeFormatter.ISO_INSTANT.format(session.issuedAt()))
                .key("aws:MultiFactorAuthPresent", Boolean.toString(session.mfaAuthenticatedAt().isPresent()));
        session.mfaAuthenticatedAt().ifPresent(at -> context.key("aws:MultiFactorAuthAge",
                Long.toString(Math.max(0, Duration.between(at, now).getSeconds()))));
        session.sourceIdentity().ifPresent(identity -> context.key("aws:SourceIdentity", identity));
        SessionPrincipal principal = session.principal();
        if (principal instanceof SessionPrincipal.AssumedRole role) {
            context.principal(RequestPrincipal.roleSession(account, caller.arn().toString(), role.roleArn().toString()))
                    .key("aws:PrincipalArn", role.roleArn().toString())
                    .key("aws:PrincipalType", "AssumedRole");
            principalTags(roles.findByName(role.account(), role.roleName())
                    .filter(found -> found.roleId().equals(role.roleId()))
                    .map(Role::tags).orElse(List.of()), session.tags(), context);
        } else if (principal instanceof SessionPrincipal.FederatedUser federated) {
            context.principal(RequestPrincipal.federatedUser(account, caller.arn().toString()))
                    .key("aws:PrincipalType", "FederatedUser");
            principalTags(List.of(), session.tags(), context);
        } else if (principal instanceof SessionPrincipal.UserSession) {
            userKeys(caller, caller.user().orElseThrow(), context);
        } else {
            context.principal(RequestPrincipal.root(account)).key("aws:PrincipalType", "Account");
        }
    }

    /** Session tags override the principal's own tags of the same key (case-insensitively). */
    private static void principalTags(List<Tag> own, List<Tag> sessionTags, RequestContext.Builder context) {
        for (Tag tag : own) {
            if (sessionTags.stream().noneMatch(t -> t.key().equalsIgnoreCase(tag.key()))) {
                context.key("aws:PrincipalTag/" + tag.key(), tag.value());
            }
        }
        for (Tag tag : sessionTags) {
            context.key("aws:PrincipalTag/" + tag.key(), tag.value());
        }
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
