package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.CredentialGenerator;
import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.MaxSessionDuration;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.policy.eval.PolicyEvaluator;
import io.gatehouse.core.policy.eval.PolicySet;
import io.gatehouse.core.sts.AssumeRoleRequest.SessionPolicies;
import io.gatehouse.core.sts.FederatedRoleRequest;
import io.gatehouse.core.sts.IssuedSession;
import io.gatehouse.core.sts.SessionPrincipal;
import io.gatehouse.core.sts.SessionTokenCodec;
import io.gatehouse.core.sts.TokenKeys;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Role sessions for identity-provider users: the trust policy alone decides, with the provider as principal. */
class FederatedSessionsTest {

    private static final AccountId ACCOUNT = new AccountId("111111111111");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final RequestFacts FACTS = new RequestFacts("192.0.2.1", true, NOW);
    private static final String SAML = "sts:AssumeRoleWithSAML";
    private static final String PROVIDER = "arn:aws:iam::111111111111:saml-provider/corp";
    private static final String OTHER_PROVIDER = "arn:aws:iam::111111111111:saml-provider/partner";

    private final InMemoryRoles roles = new InMemoryRoles();
    private final SessionTokenCodec codec = new SessionTokenCodec(
            new TokenKeys(SecretCipher.generateKey("t"), List.of()), CLOCK);

    private FederatedSessions sessions() {
        Authorizer authorizer = new PolicyAuthorizer(new FixedPolicies(PolicySet.builder().build()), roles,
                new PolicyEvaluator());
        SecurityTokenService sts = new SecurityTokenService(roles, null, authorizer, new CompiledPolicyCache(8), codec,
                new CredentialGenerator(), CLOCK);
        return new FederatedSessions(sts, new CompiledPolicyCache(8), new PolicyEvaluator());
    }

    @Test
    void aTrustPolicyNamingTheProviderIssuesARoleSession() {
        Role role = role("saml-admin", trust(PROVIDER, SAML, ""), 3600);

        IssuedSession issued = sessions().assumeRole(request(role, Map.of()), FACTS);

        SessionPrincipal.AssumedRole principal = assertInstanceOf(SessionPrincipal.AssumedRole.class,
                issued.session().principal());
        assertEquals("arn:aws:sts::111111111111:assumed-role/saml-admin/alice", principal.arn().toString());
        assertEquals(NOW.plus(Duration.ofHours(1)), issued.session().expiration());
        assertEquals(issued.session(), codec.open(issued.sessionToken()));
    }

    @Test
    void refusesWhenTheTrustPolicyNamesAnotherProvider() {
        Role role = role("saml-admin", trust(OTHER_PROVIDER, SAML, ""), 3600);

        IamException refusal = denied(() -> sessions().assumeRole(request(role, Map.of()), FACTS));

        assertEquals("Not authorized to perform sts:AssumeRoleWithSAML", refusal.getMessage());
    }

    @Test
    void refusesWhenTheTrustPolicyAllowsOnlyAnotherFederationAction() {
        Role role = role("web", trust(PROVIDER, "sts:AssumeRoleWithWebIdentity", ""), 3600);

        denied(() -> sessions().assumeRole(request(role, Map.of()), FACTS));
    }

    @Test
    void evaluatesTheProvidersClaimsAsConditionKeys() {
        Role role = role("saml-admin", trust(PROVIDER, SAML,
                ",\"Condition\":{\"StringEquals\":{\"saml:aud\":\"https://signin.aws.amazon.com/saml\"}}"), 3600);

        denied(() -> sessions().assumeRole(request(role, Map.of("saml:aud", List.of("https://elsewhere/"))), FACTS));
        assertEquals("alice", ((SessionPrincipal.AssumedRole) sessions().assumeRole(request(role,
                Map.of("saml:aud", List.of("https://signin.aws.amazon.com/saml"))), FACTS)
                .session().principal()).sessionName());
    }

    @Test
    void anUnknownRoleReadsLikeARefusal() {
        FederatedRoleRequest request = new FederatedRoleRequest(SAML, PROVIDER, "arn:aws:iam::111111111111:role/nope",
                "alice", Optional.empty(), Optional.empty(), SessionPolicies.NONE, List.of(), Set.of(),
                Optional.empty(), Map.of());

        assertEquals("Not authorized to perform sts:AssumeRoleWithSAML",
                denied(() -> sessions().assumeRole(request, FACTS)).getMessage());
    }

    @Test
    void theIdentityProvidersSessionDurationCapsTheRequestedDuration() {
        Role role = role("long", trust(PROVIDER, SAML, ""), 43_200);

        IssuedSession issued = sessions().assumeRole(withDuration(role, Optional.of(7200), Optional.of(Duration.ofMinutes(30))), FACTS);

        assertEquals(NOW.plus(Duration.ofMinutes(30)), issued.session().expiration());
    }

    @Test
    void withoutDurationSecondsTheProvidersSessionDurationApplies() {
        Role role = role("long", trust(PROVIDER, SAML, ""), 43_200);

        IssuedSession issued = sessions().assumeRole(withDuration(role, Optional.empty(), Optional.of(Duration.ofHours(8))), FACTS);

        assertEquals(NOW.plus(Duration.ofHours(8)), issued.session().expiration());
    }

    @Test
    void theProvidersSessionDurationNeverExceedsTheRolesMaximum() {
        Role role = role("short", trust(PROVIDER, SAML, ""), 3600);

        IssuedSession issued = sessions().assumeRole(withDuration(role, Optional.empty(), Optional.of(Duration.ofHours(8))), FACTS);

        assertEquals(NOW.plus(Duration.ofHours(1)), issued.session().expiration());
    }

    @Test
    void refusesADurationPastTheRolesMaximum() {
        Role role = role("short", trust(PROVIDER, SAML, ""), 3600);

        IamException refusal = assertThrows(IamException.class,
                () -> sessions().assumeRole(withDuration(role, Optional.of(7200), Optional.empty()), FACTS));

        assertEquals(ErrorCode.VALIDATION_ERROR, refusal.code());
    }

    @Test
    void principalTagsNeedTheTrustPolicyToAllowTagSession() {
        Role role = role("tagged", trust(PROVIDER, SAML, ""), 3600);
        FederatedRoleRequest tagged = new FederatedRoleRequest(SAML, PROVIDER, role.arn().toString(), "alice",
                Optional.empty(), Optional.empty(), SessionPolicies.NONE, List.of(new Tag("team", "blue")), Set.of(),
                Optional.empty(), Map.of());

        denied(() -> sessions().assumeRole(tagged, FACTS));

        Role tagging = role("tagging", trust(PROVIDER, "[\"" + SAML + "\",\"sts:TagSession\"]", ""), 3600);
        FederatedRoleRequest allowed = new FederatedRoleRequest(SAML, PROVIDER, tagging.arn().toString(), "alice",
                Optional.empty(), Optional.empty(), SessionPolicies.NONE, List.of(new Tag("team", "blue")),
                Set.of("team"), Optional.empty(), Map.of());
        IssuedSession issued = sessions().assumeRole(allowed, FACTS);
        assertEquals(List.of(new Tag("team", "blue")), issued.session().tags());
        assertTrue(issued.session().transitiveTagKeys().contains("team"));
    }

    @Test
    void theSourceIdentityNeedsSetSourceIdentityAndTravelsWithTheSession() {
        Role role = role("sourced", trust(PROVIDER, "[\"" + SAML + "\",\"sts:SetSourceIdentity\"]", ""), 3600);
        FederatedRoleRequest request = new FederatedRoleRequest(SAML, PROVIDER, role.arn().toString(), "alice",
                Optional.empty(), Optional.empty(), SessionPolicies.NONE, List.of(), Set.of(), Optional.of("alice@corp"),
                Map.of());

        assertEquals(Optional.of("alice@corp"), sessions().assumeRole(request, FACTS).session().sourceIdentity());
        Role plain = role("plain", trust(PROVIDER, SAML, ""), 3600);
        denied(() -> sessions().assumeRole(new FederatedRoleRequest(SAML, PROVIDER, plain.arn().toString(), "alice",
                Optional.empty(), Optional.empty(), SessionPolicies.NONE, List.of(), Set.of(), Optional.of("alice@corp"),
                Map.of()), FACTS));
    }

    private static FederatedRoleRequest request(Role role, Map<String, List<String>> keys) {
        return new FederatedRoleRequest(SAML, PROVIDER, role.arn().toString(), "alice", Optional.empty(),
                Optional.empty(), SessionPolicies.NONE, List.of(), Set.of(), Optional.empty(), keys);
    }

    private static FederatedRoleRequest withDuration(Role role, Optional<Integer> seconds, Optional<Duration> providerMax) {
        return new FederatedRoleRequest(SAML, PROVIDER, role.arn().toString(), "alice", seconds, providerMax,
                SessionPolicies.NONE, List.of(), Set.of(), Optional.empty(), Map.of());
    }

    private Role role(String name, String trust, int maxSeconds) {
        return roles.save(new Role(ACCOUNT, "AROA" + Integer.toHexString(name.hashCode()).toUpperCase(), name, "/", NOW,
                trust, Optional.empty(), new MaxSessionDuration(maxSeconds), List.of()));
    }

    /** {@code action} is a JSON string or array without quotes added when it starts with '['. */
    private static String trust(String provider, String action, String extra) {
        String actions = action.startsWith("[") ? action : "\"" + action + "\"";
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\""
                + provider + "\"},\"Action\":" + actions + extra + "}]}";
    }

    private static IamException denied(org.junit.jupiter.api.function.Executable call) {
        IamException refusal = assertThrows(IamException.class, call);
        assertEquals(ErrorCode.ACCESS_DENIED, refusal.code(), refusal.getMessage());
        return refusal;
    }
}
