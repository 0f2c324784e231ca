package io.gatehouse.federation.gateway;

import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.service.FederatedSessions;
import io.gatehouse.core.service.RequestFacts;
import io.gatehouse.core.sts.AssumeRoleRequest.SessionPolicies;
import io.gatehouse.core.sts.FederatedRoleRequest;
import io.gatehouse.core.sts.IssuedSession;
import io.gatehouse.federation.mapping.ProviderRoleMappings;
import io.gatehouse.federation.mapping.RoleCandidate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * From a proven browser sign-in to a role session: the roles the provider offers come first, then
 * those the provider's role-mapping rules choose (a role offered twice is offered once, with the
 * rule's session tags); one role is assumed at once, several are offered for the person to choose.
 * Either way the role's trust policy decides, with the provider as {@code Federated} principal.
 */
public final class SignInGateway {

    /** Long enough to read a list of roles; a copied chooser page soon stops working. */
    public static final Duration CHOICE_LIFETIME = Duration.ofMinutes(5);

    private final ProviderRoleMappings mappings;
    private final FederatedSessions sessions;
    private final RoleChoiceTokens choices;
    private final Clock clock;

    public SignInGateway(ProviderRoleMappings mappings, FederatedSessions sessions, SecretCipher cipher, Clock clock) {
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.choices = new RoleChoiceTokens(Objects.requireNonNull(cipher, "cipher"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The roles {@code proven} may sign in to: the provider's offers, then the mapping rules'
     * choices. AccessDenied when there are none.
     */
    public List<RoleCandidate> roles(ProvenSignIn proven) {
        Map<String, RoleCandidate> byArn = new LinkedHashMap<>();
        proven.offeredRoles().forEach(role -> byArn.putIfAbsent(role.roleArn().toString(), role));
        mappings.rules(proven.identity().providerArn()).ifPresent(rules -> rules.map(proven.identity())
                .forEach(mapped -> byArn.merge(mapped.roleArn().toString(), mapped, (offered, rule) ->
                        new RoleCandidate(rule.ruleName(), offered.roleArn(), rule.sessionTags()))));
        if (byArn.isEmpty()) {
            throw IamException.accessDenied("Not authorized to perform " + proven.action()
                    + ": the identity provider offers no role and no role-mapping rule matched");
        }
        return List.copyOf(byArn.values());
    }

    /**
     * Signs {@code proven} in: to its one role, or to a choice among several sealed for the browser
     * that carries {@code browserBinding} (a secret the door keeps in a same-site cookie, so that a
     * chooser page posted from another site or another browser is refused).
     */
    public SignInOutcome signIn(ProvenSignIn proven, String browserBinding, RequestFacts facts) {
        List<RoleCandidate> roles = roles(proven);
        if (roles.size() == 1) {
            return assume(proven, roles.get(0), facts);
        }
        Instant expiresAt = clock.instant().plus(CHOICE_LIFETIME);
        return new SignInOutcome.RoleChoice(roles, choices.seal(proven, roles, binding(browserBinding), expiresAt),
                expiresAt);
    }

    /** Completes a role choice: {@code roleArn} must be one the sealed choice offered. */
    public SignInOutcome.SignedIn choose(String choiceToken, String roleArn, String browserBinding, RequestFacts facts) {
        Objects.requireNonNull(choiceToken, "choiceToken");
        Objects.requireNonNull(roleArn, "roleArn");
        RoleChoiceTokens.Opened opened = choices.open(choiceToken, binding(browserBinding), clock.instant());
        RoleCandidate chosen = opened.roles().stream().filter(role -> role.roleArn().toString().equals(roleArn))
                .findFirst().orElseThrow(() -> IamException.accessDenied("The sign-in did not offer role " + roleArn));
        return assume(opened.proven(), chosen, facts);
    }

    private SignInOutcome.SignedIn assume(ProvenSignIn proven, RoleCandidate role, RequestFacts facts) {
        List<Tag> tags = new ArrayList<>(proven.sessionTags());
        role.sessionTags().stream()
                .filter(tag -> tags.stream().noneMatch(existing -> existing.key().equalsIgnoreCase(tag.key())))
                .forEach(tags::add);
        IssuedSession issued = sessions.assumeRole(new FederatedRoleRequest(proven.action(),
                proven.identity().providerArn().toString(), role.roleArn().toString(), proven.roleSessionName(),
                Optional.empty(), proven.providerMaxSession(), SessionPolicies.NONE, tags, proven.transitiveTagKeys(),
                proven.sourceIdentity(), proven.conditionKeys()), facts);
        return new SignInOutcome.SignedIn(issued, role);
    }

    private static String binding(String browserBinding) {
        if (browserBinding == null || browserBinding.length() < 16) {
            throw IamException.accessDenied("The sign-in is not bound to this browser; sign in again");
        }
        return browserBinding;
    }
}
