package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.credential.CredentialGenerator;
import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.MaxSessionDuration;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.policy.eval.PolicyEvaluator;
import io.gatehouse.core.policy.eval.PolicySet;
import io.gatehouse.core.sts.FederatedAssumption;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A role assumed by a provider's user: the trust policy alone decides, naming the provider as Federated. */
class FederatedRoleAssumptionTest {

    private static final AccountId ACCOUNT = new AccountId("111111111111");
    private static final Arn DIRECTORY = Arn.parse("arn:aws:iam::111111111111:ldap-provider/corp");
    private static final Arn OTHER_DIRECTORY = Arn.parse("arn:aws:iam::111111111111:ldap-provider/lab");
    private static final String ACTION = "sts:AssumeRoleWithLDAPIdentity";
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final RequestFacts FACTS = new RequestFacts("192.0.2.1", true, NOW);

    private final InMemoryRoles roles = new InMemoryRoles();
    private final SessionTokenCodec codec = new SessionTokenCodec(
            new TokenKeys(SecretCipher.generateKey("t"), List.of()), CLOCK);

    private SecurityTokenService sts() {
        Authorizer authorizer = new PolicyAuthorizer(new FixedPolicies(PolicySet.builder().build()), roles,
                new PolicyEvaluator());
        return new SecurityTokenService(roles, null, authorizer, new CompiledPolicyCache(64), codec,
                new CredentialGenerator(), CLOCK);
    }

    @Test
    void aTrustPolicyNamingTheProviderIssuesARoleSession() {
        Role role = role("Dev", trust(DIRECTORY, ACTION, ""));

        IssuedSession issued = sts().assumeRoleWithFederatedIdentity(assumption(role, Map.of(), List.of()), FACTS);

        SessionPrincipal.AssumedRole principal = assertInstanceOf(SessionPrincipal.AssumedRole.class,
                issued.session().principal());
        assertEquals("arn:aws:sts::111111111111:assumed-role/Dev/alice", principal.arn().toString());
        assertEquals(NOW.plus(Duration.ofHours(1)), issued.session().expiration());
        assertEquals(issued.session(), codec.open(issued.sessionToken()));
    }

    @Test
    void refusesWhenTheTrustPolicyNamesAnotherProvider() {
        Role role = role("Dev", trust(OTHER_DIRECTORY, ACTION, ""));

        denied(() -> sts().assumeRoleWithFederatedIdentity(assumption(role, Map.of(), List.of()), FACTS));
    }

    @Test
    void refusesWhenTheTrustPolicyAllowsTheProviderAnotherActionOnly() {
        Role role = role("Dev", trust(DIRECTORY, "sts:AssumeRoleWithSAML", ""));

        denied(() -> sts().assumeRoleWithFederatedIdentity(assumption(role, Map.of(), List.of()), FACTS));
    }

    @Test
    void theTrustPolicyMayTestTheProvidersConditionKeys() {
        Role role = role("Dev", trust(DIRECTORY, ACTION,
                ",\"Condition\":{\"ForAnyValue:StringEquals\":{\"ldap:groups\":\"Developers\"}}"));

        denied(() -> sts().assumeRoleWithFederatedIdentity(
                assumption(role, Map.of("ldap:groups", List.of("Sales")), List.of()), FACTS));
        IssuedSession issued = sts().assumeRoleWithFederatedIdentity(
                assumption(role, Map.of("ldap:groups", List.of("Sales", "Developers")), List.of()), FACTS);
        assertEquals("Dev", ((SessionPrincipal.AssumedRole) issued.session().principal()).roleName());
    }

    @Test
    void sessionTagsNeedTheTrustPolicyToAllowTagSession() {
        List<Tag> tags = List.of(new Tag("team", "payments"));
        Role plain = role("Dev", trust(DIRECTORY, ACTION, ""));
        Role tagging = role("Ops", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"Federated\":\"" + DIRECTORY + "\"},\"Action\":[\"" + ACTION + "\",\"sts:TagSession\"]}]}");

        denied(() -> sts().assumeRoleWithFederatedIdentity(assumption(plain, Map.of(), tags), FACTS));
        IssuedSession issued = sts().assumeRoleWithFederatedIdentity(assumption(tagging, Map.of(), tags), FACTS);
        assertEquals(tags, issued.session().tags());
    }

    @Test
    void anUnknownRoleReadsLikeARefusal() {
        FederatedAssumption request = new FederatedAssumption(DIRECTORY, ACTION, "arn:aws:iam::111111111111:role/None",
                "alice", Optional.empty(), Optional.empty(), List.of(), Map.of());

        IamException e = denied(() -> sts().assumeRoleWithFederatedIdentity(request, FACTS));
        assertEquals("Not authorized to perform " + ACTION, e.getMessage());
    }

    @Test
    void theDurationIsBoundByTheRolesMaximum() {
        Role role = role("Dev", trust(DIRECTORY, ACTION, ""));
        FederatedAssumption tooLong = new FederatedAssumption(DIRECTORY, ACTION, role.arn().toString(), "alice",
                Optional.of(7200), Optional.empty(), List.of(), Map.of());

        IamException e = assertThrows(IamException.class, () -> sts().assumeRoleWithFederatedIdentity(tooLong, FACTS));
        assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
    }

    private static IamException denied(org.junit.jupiter.api.function.Executable call) {
        IamException e = assertThrows(IamException.class, call);
        assertEquals(ErrorCode.ACCESS_DENIED, e.code(), e.getMessage());
        return e;
    }

    private static FederatedAssumption assumption(Role role, Map<String, List<String>> keys, List<Tag> tags) {
        return new FederatedAssumption(DIRECTORY, ACTION, role.arn().toString(), "alice", Optional.empty(),
                Optional.empty(), tags, keys);
    }

    private Role role(String name, String trust) {
        return roles.save(new Role(ACCOUNT, "AROA" + Integer.toHexString(name.hashCode()).toUpperCase(),
                name, "/", NOW, trust, Optional.empty(), MaxSessionDuration.DEFAULT, List.of()));
    }

    private static String trust(Arn provider, String action, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\""
                + provider + "\"},\"Action\":\"" + action + "\"" + condition + "}]}";
    }
}
