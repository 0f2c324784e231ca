package io.gatehouse.core.service;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.MaxSessionDuration;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.policy.eval.CompiledPolicy;
import io.gatehouse.core.policy.eval.Decision;
import io.gatehouse.core.policy.eval.PolicyEvaluator;
import io.gatehouse.core.policy.eval.PolicySet;
import io.gatehouse.core.policy.eval.RequestContext;
import io.gatehouse.core.policy.eval.RequestPrincipal;
import io.gatehouse.core.sts.AssumeRoleRequest.SessionPolicies;
import io.gatehouse.core.sts.FederatedRoleRequest;
import io.gatehouse.core.sts.IssuedSession;
import io.gatehouse.core.sts.SessionPrincipal;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Role sessions for the users of an identity provider (AssumeRoleWithSAML and
 * AssumeRoleWithWebIdentity), after the assertion or token has been verified. No IAM identity
 * calls, so only the role's trust policy decides, with the provider as the {@code Federated}
 * principal; the session is then an ordinary role session.
 */
public final class FederatedSessions {

    private final SecurityTokenService sts;
    private final CompiledPolicyCache policies;
    private final PolicyEvaluator evaluator;

    public FederatedSessions(SecurityTokenService sts, CompiledPolicyCache policies, PolicyEvaluator evaluator) {
        this.sts = sts;
        this.policies = policies;
        this.evaluator = evaluator;
    }

    public IssuedSession assumeRole(FederatedRoleRequest request, RequestFacts facts) {
        Constraint.ARN.check("RoleArn", request.roleArn());
        String sessionName = Constraint.ROLE_SESSION_NAME.check("RoleSessionName", request.roleSessionName());
        request.durationSeconds().ifPresent(seconds -> Constraint.range("DurationSeconds", seconds,
                (int) SecurityTokenService.MIN_SESSION.getSeconds(), MaxSessionDuration.MAX_SECONDS));
        SessionPolicies sessionPolicies = sts.checkedPolicies(request.policies());
        Arn roleArn = Arn.parse(request.roleArn());

        // An unknown role reads exactly like a refusal, so that nobody learns which roles exist.
        Role role = sts.role(roleArn).orElseThrow(() -> denied(request.action()));
        CompiledPolicy trust = policies.compiledTrustPolicy(role.arn() + "#trust", role.trustPolicy());
        PolicySet set = PolicySet.builder().resourcePolicy(trust).build();
        authorize(request, request.action(), role, sessionName, facts, set);
        if (!request.tags().isEmpty()) {
            authorize(request, "sts:TagSession", role, sessionName, facts, set);
        }
        if (request.sourceIdentity().isPresent()) {
            authorize(request, "sts:SetSourceIdentity", role, sessionName, facts, set);
        }

        sts.recordUse(role, facts);
        Duration duration = duration(request, role);
        SessionPrincipal principal = new SessionPrincipal.AssumedRole(role.account(), role.roleId(), role.arn(),
                role.name(), sessionName);
        return sts.issue(principal, duration, Optional.empty(), sessionPolicies, request.tags(),
                request.transitiveTagKeys(), request.sourceIdentity(), false);
    }

    private void authorize(FederatedRoleRequest request, String action, Role role, String sessionName,
                           RequestFacts facts, PolicySet trust) {
        RequestContext.Builder context = RequestContext.builder()
                .principal(RequestPrincipal.webIdentity(request.providerArn()))
                .action(action)
                .resource(role.arn().toString())
                .resourceAccount(role.account().value())
                .key("aws:CurrentTime", DateTimeFormatter.ISO_INSTANT.format(facts.time().truncatedTo(ChronoUnit.SECONDS)))
                .key("aws:EpochTime", Long.toString(facts.time().getEpochSecond()))
                .key("aws:SourceIp", facts.sourceIp())
                .key("aws:SecureTransport", Boolean.toString(facts.secureTransport()))
                .key("aws:FederatedProvider", request.providerArn())
                .key("sts:RoleSessionName", sessionName);
        request.sourceIdentity().ifPresent(identity -> context.key("sts:SourceIdentity", identity));
        request.tags().forEach(tag -> context.key("aws:RequestTag/" + tag.key(), tag.value()));
        if (!request.tags().isEmpty()) {
            context.key("aws:TagKeys", request.tags().stream().map(tag -> tag.key()).toList());
        }
        request.conditionKeys().forEach(context::key);
        Decision decision = evaluator.decide(context.build(), trust);
        if (!decision.isAllowed()) {
            throw denied(action);
        }
    }

    /**
     * AWS: an hour unless asked otherwise, never past the role's maximum; the identity provider's
     * SessionDuration caps the session too, and the shorter of the two limits wins.
     */
    private static Duration duration(FederatedRoleRequest request, Role role) {
        Duration roleMax = Duration.ofSeconds(role.maxSessionDuration().seconds());
        if (request.durationSeconds().filter(seconds -> seconds > roleMax.getSeconds()).isPresent()) {
            throw IamException.validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        Duration requested = request.durationSeconds().map(Duration::ofSeconds)
                .orElse(request.providerMaxSession().isPresent() ? roleMax : SecurityTokenService.DEFAULT_ROLE_SESSION);
        Duration limit = request.providerMaxSession().filter(max -> max.compareTo(requested) < 0).orElse(requested);
        return limit.compareTo(roleMax) > 0 ? roleMax : limit;
    }

    /** AWS's wording: the federated caller has no ARN to name, so the message names the action only. */
    private static IamException denied(String action) {
        return IamException.accessDenied("Not authorized to perform " + action);
    }
}
