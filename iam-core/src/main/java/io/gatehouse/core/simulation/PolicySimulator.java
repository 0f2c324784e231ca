package io.gatehouse.core.simulation;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.policy.Effect;
import io.gatehouse.core.policy.MalformedPolicyException;
import io.gatehouse.core.policy.Statement;
import io.gatehouse.core.policy.eval.CompiledPolicy;
import io.gatehouse.core.policy.eval.Decision;
import io.gatehouse.core.policy.eval.MatchedStatement;
import io.gatehouse.core.policy.eval.Outcome;
import io.gatehouse.core.policy.eval.PolicyEvaluator;
import io.gatehouse.core.policy.eval.PolicySet;
import io.gatehouse.core.policy.eval.PolicyType;
import io.gatehouse.core.policy.eval.RequestContext;
import io.gatehouse.core.policy.eval.RequestPrincipal;
import io.gatehouse.core.port.GroupRepository;
import io.gatehouse.core.port.RoleRepository;
import io.gatehouse.core.port.UserRepository;
import io.gatehouse.core.service.Caller;
import io.gatehouse.core.service.PolicySource;
import io.gatehouse.core.service.PrincipalPolicies;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SimulateCustomPolicy and SimulatePrincipalPolicy: the same evaluator that authorizes requests,
 * run for every action and resource asked about, and explained. Nothing the simulator adds runs on
 * the request path: positions come from the parsed documents, missing keys from a separate walk.
 */
public final class PolicySimulator {

    static final String INPUT = "PolicyInputList.";
    static final String BOUNDARY_INPUT = "PermissionsBoundaryPolicyInputList.";
    static final String RESOURCE_POLICY = "ResourcePolicy";

    private final PrincipalPolicies principals;
    private final UserRepository users;
    private final GroupRepository groups;
    private final RoleRepository roles;
    private final PolicyEvaluator evaluator;

    public PolicySimulator(PrincipalPolicies principals, UserRepository users, GroupRepository groups,
                           RoleRepository roles, PolicyEvaluator evaluator) {
        this.principals = principals;
        this.users = users;
        this.groups = groups;
        this.roles = roles;
        this.evaluator = evaluator;
    }

    /** Only the policies given; the caller is the CallerArn user, or a user of the caller's account. */
    public List<SimulationResult> simulateCustom(Caller caller, Simulation simulation) {
        if (simulation.policyInputs().isEmpty()) {
            throw IamException.validation("1 validation error detected: Value null at 'policyInputList' failed to "
                    + "satisfy constraint: Member must not be null");
        }
        PolicySet.Builder set = PolicySet.builder();
        addInputs(simulation, set, true);
        RequestPrincipal principal = simulation.callerArn()
                .map(arn -> callerUser(arn))
                .orElseGet(() -> RequestPrincipal.user(caller.account().value(),
                        Arn.iam(caller.account(), "user", "/", "simulated").toString()));
        return simulate(simulation, set.build(), principal, caller.account());
    }

    /**
     * The stored policies of a user (with its groups'), group or role, plus any given; given
     * boundaries replace the principal's own, as AWS does.
     */
    public List<SimulationResult> simulatePrincipal(Caller caller, String policySourceArn, Simulation simulation) {
        Constraint.ARN.check("PolicySourceArn", policySourceArn);
        Arn source = Arn.parse(policySourceArn);
        String resource = source.resource();
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        AccountId account = caller.account();
        if (!source.account().equals(account.value()) || !source.service().equals("iam")) {
            throw noSuchEntity(policySourceArn);
        }
        PolicySet stored;
        RequestPrincipal principal;
        if (resource.startsWith("user/")) {
            User user = users.findByName(account, name).filter(u -> u.arn().equals(source))
                    .orElseThrow(() -> noSuchEntity(policySourceArn));
            stored = principals.forUser(user);
            principal = RequestPrincipal.user(account.value(), user.arn().toString());
        } else if (resource.startsWith("group/")) {
            Group group = groups.findByName(account, name).filter(g -> g.arn().equals(source))
                    .orElseThrow(() -> noSuchEntity(policySourceArn));
            stored = principals.forGroup(group);
            principal = RequestPrincipal.user(account.value(), Arn.iam(account, "user", "/", "simulated").toString());
        } else if (resource.startsWith("role/")) {
            Role role = roles.findByName(account, name).filter(r -> r.arn().equals(source))
                    .orElseThrow(() -> noSuchEntity(policySourceArn));
            stored = principals.forRole(role);
            principal = RequestPrincipal.roleSession(account.value(), "arn:aws:sts::" + account.value()
                    + ":assumed-role/" + role.name() + "/simulated", role.arn().toString());
        } else {
            throw IamException.validation("PolicySourceArn must name a user, a group or a role: " + policySourceArn);
        }
        PolicySet.Builder set = PolicySet.builder().identityPolicies(stored.identityPolicies());
        if (simulation.boundaryInputs().isEmpty()) {
            stored.permissionBoundary().ifPresent(set::permissionBoundary);
        }
        addInputs(simulation, set, true);
        if (simulation.callerArn().isPresent()) {
            principal = callerUser(simulation.callerArn().get());
        }
        return simulate(simulation, set.build(), principal, account);
    }

    private void addInputs(Simulation simulation, PolicySet.Builder set, boolean withResourcePolicy) {
        for (int i = 0; i < simulation.policyInputs().size(); i++) {
            set.identityPolicy(parse(INPUT + (i + 1), PolicyType.IDENTITY, simulation.policyInputs().get(i)));
        }
        for (int i = 0; i < simulation.boundaryInputs().size(); i++) {
            set.permissionBoundary(parse(BOUNDARY_INPUT + (i + 1), PolicyType.PERMISSION_BOUNDARY,
                    simulation.boundaryInputs().get(i)));
        }
        if (withResourcePolicy) {
            simulation.resourcePolicy().ifPresent(policy -> {
                if (simulation.callerArn().isEmpty()) {
                    throw IamException.validation("CallerArn is required when a ResourcePolicy is given, so that its "
                            + "Principal element has a caller to match.");
                }
                set.resourcePolicy(parse(RESOURCE_POLICY, PolicyType.RESOURCE, policy));
            });
        }
    }

    /** AWS names the input a malformed document came from. */
    private static CompiledPolicy parse(String name, PolicyType type, String document) {
        Constraint.POLICY_DOCUMENT.check(name, document);
        try {
            return CompiledPolicy.parse(name, type, document);
        } catch (MalformedPolicyException e) {
            throw new MalformedPolicyException(name + ": " + e.reason(), e.position());
        }
    }

    private List<SimulationResult> simulate(Simulation simulation, PolicySet policies, RequestPrincipal principal,
                                            AccountId callerAccount) {
        if (simulation.actions().isEmpty()) {
            throw IamException.validation("1 validation error detected: Value null at 'actionNames' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        List<String> resources = simulation.resources().isEmpty() ? List.of("*") : simulation.resources();
        Map<String, CompiledPolicy> byName = new HashMap<>();
        policies.identityPolicies().forEach(p -> byName.put(p.name(), p));
        policies.resourcePolicy().ifPresent(p -> byName.put(p.name(), p));
        policies.permissionBoundary().ifPresent(p -> byName.put(p.name(), p));
        List<SimulationResult> results = new ArrayList<>();
        for (String action : simulation.actions()) {
            for (String resource : resources) {
                RequestContext request = context(simulation, principal, action, resource, callerAccount);
                Decision decision = evaluator.decide(request, policies);
                results.add(new SimulationResult(action, resource, decision.outcome(),
                        decision.matchedStatements().stream().map(m -> source(m, byName)).toList(),
                        evaluator.missingContextKeys(request, policies),
                        policies.permissionBoundary().map(b -> boundaryAllows(decision)),
                        details(policies, decision)));
            }
        }
        return results;
    }

    private static RequestContext context(Simulation simulation, RequestPrincipal principal, String action,
                                          String resource, AccountId callerAccount) {
        RequestContext.Builder context = RequestContext.builder().principal(principal).action(action).resource(resource);
        String owner = simulation.resourceOwner().map(PolicySimulator::accountOf)
                .orElseGet(() -> resourceAccount(resource).orElse(callerAccount.value()));
        context.resourceAccount(owner);
        for (Simulation.ContextEntry entry : simulation.context()) {
            context.key(entry.key(), entry.values());
        }
        return context.build();
    }

    private static Optional<String> resourceAccount(String resource) {
        if (!resource.startsWith("arn:")) {
            return Optional.empty();
        }
        String account = Arn.parse(resource).account();
        return account.isEmpty() || account.equals("aws") ? Optional.empty() : Optional.of(account);
    }

    /** ResourceOwner is an account ARN ({@code arn:aws:iam::123456789012:root}) or a bare account id. */
    private static String accountOf(String owner) {
        String account = owner.startsWith("arn:") ? Arn.parse(owner).account() : owner;
        if (!AccountId.isValid(account)) {
            throw IamException.validation("ResourceOwner must name an account: " + owner);
        }
        return account;
    }

    private static RequestPrincipal callerUser(String callerArn) {
        Constraint.ARN.check("CallerArn", callerArn);
        Arn arn = Arn.parse(callerArn);
        if (!arn.service().equals("iam") || !arn.resource().startsWith("user/")) {
            throw IamException.validation("CallerArn must be the ARN of an IAM user: " + callerArn);
        }
        return RequestPrincipal.user(arn.account(), callerArn);
    }

    private static SimulationResult.MatchedSource source(MatchedStatement matched, Map<String, CompiledPolicy> byName) {
        String fallbackType = switch (matched.policyType()) {
            case RESOURCE -> "resource";
            default -> "none";
        };
        PolicySource source = PolicySource.of(matched.policyName(), fallbackType);
        CompiledPolicy policy = byName.get(matched.policyName());
        Statement statement = policy.document().statements().get(matched.index());
        return new SimulationResult.MatchedSource(source.id(), source.type(), statement.position(), statement.end());
    }

    private static boolean boundaryAllows(Decision decision) {
        boolean allows = false;
        for (MatchedStatement m : decision.matchedStatements()) {
            if (m.policyType() == PolicyType.PERMISSION_BOUNDARY) {
                if (m.effect() == Effect.DENY) {
                    return false;
                }
                allows = true;
            }
        }
        return allows;
    }

    /** With a resource-based policy, AWS details the decision of each kind of policy. */
    private static Map<String, Outcome> details(PolicySet policies, Decision decision) {
        Map<String, Outcome> details = new LinkedHashMap<>();
        if (policies.resourcePolicy().isPresent()) {
            details.put("IdentityPolicy", kindOutcome(decision, PolicyType.IDENTITY));
            details.put(RESOURCE_POLICY, kindOutcome(decision, PolicyType.RESOURCE));
        }
        return details;
    }

    private static Outcome kindOutcome(Decision decision, PolicyType type) {
        Outcome outcome = Outcome.IMPLICIT_DENY;
        for (MatchedStatement m : decision.matchedStatements()) {
            if (m.policyType() == type) {
                if (m.effect() == Effect.DENY) {
                    return Outcome.EXPLICIT_DENY;
                }
                outcome = Outcome.ALLOWED;
            }
        }
        return outcome;
    }

    private static IamException noSuchEntity(String arn) {
        return IamException.noSuchEntity("The entity " + arn + " cannot be found.");
    }
}
