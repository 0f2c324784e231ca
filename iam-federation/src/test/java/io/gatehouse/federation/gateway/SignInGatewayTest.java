package io.gatehouse.federation.gateway;

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
import io.gatehouse.core.service.CompiledPolicyCache;
import io.gatehouse.core.service.FederatedSessions;
import io.gatehouse.core.service.RequestFacts;
import io.gatehouse.core.service.SecurityTokenService;
import io.gatehouse.core.sts.SessionTokenCodec;
import io.gatehouse.core.sts.TokenKeys;
import io.gatehouse.federation.mapping.FederatedIdentity;
import io.gatehouse.federation.mapping.ProviderRoleMappings;
import io.gatehouse.federation.mapping.RoleCandidate;
import io.gatehouse.federation.testing.InMemoryRoleMappings;
import io.gatehouse.federation.testing.InMemoryRoles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway's rule: the provider's offers and the mapping rules give the roles; one is assumed, several are chosen. */
class SignInGatewayTest {

    private static final AccountId ACCOUNT = new AccountId("111111111111");
    private static final Arn PROVIDER = Arn.parse("arn:aws:iam::111111111111:saml-provider/corp");
    private static final String ACTION = "sts:AssumeRoleWithSAML";
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final RequestFacts FACTS = new RequestFacts("192.0.2.1", true, NOW);
    private static final String BROWSER = "binding-of-this-browser-0123456789";

    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final Clock clock = new Clock() {
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now.get();
        }
    };
    private final InMemoryRoles roles = new InMemoryRoles();
    private final InMemoryRoleMappings documents = new InMemoryRoleMappings();
    private final SecretCipher cipher = new SecretCipher(SecretCipher.generateKey("k1"), List.of());
    private final SecurityTokenService sts = new SecurityTokenService(roles, null, null, new CompiledPolicyCache(64),
            new SessionTokenCodec(new TokenKeys(SecretCipher.generateKey("t"), List.of()), clock),
            new CredentialGenerator(), clock);
    private final SignInGateway gateway = new SignInGateway(new ProviderRoleMappings(documents, null, null),
            new FederatedSessions(sts, new CompiledPolicyCache(64), new PolicyEvaluator()), cipher, clock);

    private final Role admin = givenRole("Admin", trusting(""));
    private final Role developer = givenRole("Developer", trusting(""));
    private final Role auditor = givenRole("Auditor",
            trusting(",\"Condition\":{\"StringEquals\":{\"saml:sub\":\"someone-else\"}}"));

    @Test
    void assumesTheOneRoleTheProviderOffers() {
        SignInOutcome outcome = gateway.signIn(proven(List.of(offered(admin))), BROWSER, FACTS);

        SignInOutcome.SignedIn signedIn = assertInstanceOf(SignInOutcome.SignedIn.class, outcome);
        assertEquals("arn:aws:sts::111111111111:assumed-role/Admin/alice",
                signedIn.session().session().principal().arn().toString());
    }

    @Test
    void assumesTheOneRoleAMappingRuleChoosesWithItsSessionTags() {
        givenRules("{\"mode\": \"FIRST_MATCH\", \"rules\": [{\"name\": \"devs\", \"conditions\": [{\"memberOf\": "
                + "\"Engineering\"}], \"role\": \"" + developer.arn() + "\", \"sessionTags\": [{\"key\": \"team\", "
                + "\"fromClaim\": \"team\"}]}]}");

        SignInOutcome.SignedIn signedIn = assertInstanceOf(SignInOutcome.SignedIn.class,
                gateway.signIn(proven(List.of()), BROWSER, FACTS));

        assertEquals("devs", signedIn.role().ruleName());
        assertEquals(List.of(new Tag("dept", "research"), new Tag("team", "platform")),
                signedIn.session().session().tags());
    }

    @Test
    void offersARoleOnceWhenTheProviderAndARuleBothNameIt() {
        givenRules(allMatches(admin));

        List<RoleCandidate> candidates = gateway.roles(proven(List.of(offered(admin))));

        assertEquals(List.of(admin.arn()), candidates.stream().map(RoleCandidate::roleArn).toList());
        assertEquals("admins", candidates.get(0).ruleName());
    }

    @Test
    void offersAChoiceWhenSeveralRolesAreOffered() {
        givenRules(allMatches(admin));

        SignInOutcome.RoleChoice choice = assertInstanceOf(SignInOutcome.RoleChoice.class,
                gateway.signIn(proven(List.of(offered(developer))), BROWSER, FACTS));

        assertEquals(List.of(developer.arn(), admin.arn()), choice.roles().stream().map(RoleCandidate::roleArn).toList());
        assertEquals(NOW.plus(SignInGateway.CHOICE_LIFETIME), choice.expiresAt());
    }

    @Test
    void theChosenRoleIsAssumedWithTheSignInsSessionName() {
        SignInOutcome.RoleChoice choice = choiceOfDeveloperAndAdmin();

        SignInOutcome.SignedIn signedIn = gateway.choose(choice.choiceToken(), admin.arn().toString(), BROWSER, FACTS);

        assertEquals("arn:aws:sts::111111111111:assumed-role/Admin/alice",
                signedIn.session().session().principal().arn().toString());
        assertEquals(List.of(new Tag("dept", "research")), signedIn.session().session().tags());
        assertEquals(Set.of("dept"), signedIn.session().session().transitiveTagKeys());
    }

    @Test
    void refusesARoleTheChoiceDidNotOffer() {
        SignInOutcome.RoleChoice choice = choiceOfDeveloperAndAdmin();

        IamException e = refused(() -> gateway.choose(choice.choiceToken(), auditor.arn().toString(), BROWSER, FACTS));
        assertTrue(e.getMessage().contains("did not offer role " + auditor.arn()), e.getMessage());
    }

    @Test
    void refusesAChoicePostedFromAnotherBrowser() {
        SignInOutcome.RoleChoice choice = choiceOfDeveloperAndAdmin();

        refused(() -> gateway.choose(choice.choiceToken(), admin.arn().toString(), "binding-of-another-browser-42",
                FACTS));
    }

    @Test
    void refusesAChoiceWithoutABrowserBinding() {
        SignInOutcome.RoleChoice choice = choiceOfDeveloperAndAdmin();

        refused(() -> gateway.choose(choice.choiceToken(), admin.arn().toString(), null, FACTS));
    }

    @Test
    void refusesATamperedChoiceToken() {
        String token = choiceOfDeveloperAndAdmin().choiceToken();
        // A character in the middle: the last one of unpadded base64url may carry no bits at all.
        int middle = token.length() / 2;
        String tampered = token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A')
                + token.substring(middle + 1);

        refused(() -> gateway.choose(tampered, admin.arn().toString(), BROWSER, FACTS));
        refused(() -> gateway.choose("not-a-token", admin.arn().toString(), BROWSER, FACTS));
    }

    @Test
    void refusesAnExpiredChoice() {
        SignInOutcome.RoleChoice choice = choiceOfDeveloperAndAdmin();
        now.set(NOW.plus(SignInGateway.CHOICE_LIFETIME));

        IamException e = refused(() -> gateway.choose(choice.choiceToken(), admin.arn().toString(), BROWSER, FACTS));
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
    }

    @Test
    void refusesASignInThatNoRoleFits() {
        givenRules("{\"mode\": \"FIRST_MATCH\", \"rules\": [{\"name\": \"ops\", \"conditions\": [{\"memberOf\": "
                + "\"Operations\"}], \"role\": \"" + admin.arn() + "\"}]}");

        IamException e = refused(() -> gateway.signIn(proven(List.of()), BROWSER, FACTS));
        assertTrue(e.getMessage().contains("no role-mapping rule matched"), e.getMessage());
    }

    @Test
    void theTrustPolicyStillDecides() {
        refused(() -> gateway.signIn(proven(List.of(offered(auditor))), BROWSER, FACTS));
    }

    private SignInOutcome.RoleChoice choiceOfDeveloperAndAdmin() {
        return assertInstanceOf(SignInOutcome.RoleChoice.class,
                gateway.signIn(proven(List.of(offered(developer), offered(admin))), BROWSER, FACTS));
    }

    private static ProvenSignIn proven(List<RoleCandidate> offered) {
        FederatedIdentity identity = new FederatedIdentity(PROVIDER, "alice@example.com",
                Map.of("team", List.of("platform")), List.of("Engineering"));
        return new ProvenSignIn(identity, ACTION, "alice", offered, Optional.of(Duration.ofHours(2)),
                List.of(new Tag("dept", "research")), Set.of("dept"), Optional.empty(),
                Map.of("saml:sub", List.of("alice@example.com"), "saml:aud", List.of("https://signin.aws.amazon.com/saml")));
    }

    private static RoleCandidate offered(Role role) {
        return new RoleCandidate("SAML Role attribute", role.arn(), List.of());
    }

    private void givenRules(String json) {
        documents.put(ACCOUNT, PROVIDER, json);
    }

    private static String allMatches(Role role) {
        return "{\"mode\": \"ALL_MATCHES\", \"rules\": [{\"name\": \"admins\", \"conditions\": [{\"memberOf\": "
                + "\"Engineering\"}], \"role\": \"" + role.arn() + "\"}]}";
    }

    private Role givenRole(String name, String trustPolicy) {
        Role role = new Role(ACCOUNT, "AROA" + Integer.toHexString(name.hashCode()).toUpperCase(), name, "/", NOW,
                trustPolicy, Optional.empty(), MaxSessionDuration.DEFAULT, List.of());
        roles.add(role);
        return role;
    }

    private static String trusting(String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\""
                + PROVIDER + "\"},\"Action\":[\"sts:AssumeRoleWithSAML\",\"sts:TagSession\"]" + condition + "}]}";
    }

    private static IamException refused(Executable call) {
        IamException e = assertThrows(IamException.class, call);
        assertEquals(ErrorCode.ACCESS_DENIED, e.code(), e.getMessage());
        return e;
    }
}
