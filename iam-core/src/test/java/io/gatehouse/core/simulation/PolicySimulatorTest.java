package io.gatehouse.core.simulation;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.policy.MalformedPolicyException;
import io.gatehouse.core.policy.eval.Outcome;
import io.gatehouse.core.policy.eval.PolicyEvaluator;
import io.gatehouse.core.policy.eval.PolicySet;
import io.gatehouse.core.policy.json.Position;
import io.gatehouse.core.service.Caller;
import io.gatehouse.core.service.PrincipalPolicies;
import io.gatehouse.core.sts.SessionToken;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SimulateCustomPolicy's decisions and explanations, from policies given as text. */
class PolicySimulatorTest {

    private static final AccountId ACCOUNT = new AccountId("123456789012");
    private static final Caller CALLER = Caller.user(new User(ACCOUNT, "AIDAADMIN00000000000", "admin", "/",
            Instant.EPOCH, List.of()), "AKIAADMIN");
    private static final String READ_BUCKET = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Sid": "List", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::my-bucket"},
                {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/*"}
              ]
            }""";
    private static final String DENY_SECRETS = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/secret/*"}]}""";

    private final PolicySimulator simulator = new PolicySimulator(new NoPrincipals(), null, null, null, new PolicyEvaluator());

    private static Simulation simulation(List<String> policies, List<String> actions, List<String> resources) {
        return new Simulation(policies, List.of(), Optional.empty(), Optional.empty(), Optional.empty(), actions,
                resources, List.of());
    }

    @Test
    void eachActionAndResourceGetsAllowedExplicitDenyOrImplicitDeny() {
        List<SimulationResult> results = simulator.simulateCustom(CALLER, simulation(List.of(READ_BUCKET, DENY_SECRETS),
                List.of("s3:GetObject", "s3:PutObject"),
                List.of("arn:aws:s3:::my-bucket/report.csv", "arn:aws:s3:::my-bucket/secret/key")));

        assertEquals(4, results.size());
        assertEquals(Outcome.ALLOWED, results.get(0).decision());
        assertEquals(Outcome.EXPLICIT_DENY, results.get(1).decision());
        assertEquals(Outcome.IMPLICIT_DENY, results.get(2).decision());
        assertEquals("s3:PutObject", results.get(2).action());
        assertEquals("arn:aws:s3:::my-bucket/report.csv", results.get(2).resource());
        assertEquals(List.of(), results.get(2).matched());
    }

    @Test
    void matchedStatementsNameTheirInputAndWhereTheyStandInIt() {
        SimulationResult result = simulator.simulateCustom(CALLER, simulation(List.of(DENY_SECRETS, READ_BUCKET),
                List.of("s3:GetObject"), List.of("arn:aws:s3:::my-bucket/report.csv"))).get(0);

        SimulationResult.MatchedSource read = result.matched().get(0);
        assertEquals("PolicyInputList.2", read.sourcePolicyId());
        assertEquals("none", read.sourcePolicyType());
        assertEquals(new Position(5, 5), read.start());
        assertEquals(new Position(5, 104), read.end());
    }

    @Test
    void conditionKeysNotSuppliedAreReportedAndContextEntriesSatisfyThem() {
        String ipOnly = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
                 "Condition":{"IpAddress":{"aws:SourceIp":"192.0.2.0/24"},"StringEqualsIfExists":{"aws:RequestTag/env":"prod"}}}]}""";
        Simulation bare = simulation(List.of(ipOnly), List.of("s3:GetObject"), List.of());

        SimulationResult without = simulator.simulateCustom(CALLER, bare).get(0);
        assertEquals(Outcome.IMPLICIT_DENY, without.decision());
        assertEquals(List.of("aws:SourceIp"), without.missingContextValues());
        assertEquals("*", without.resource());

        Simulation withIp = new Simulation(List.of(ipOnly), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of("s3:GetObject"), List.of(), List.of(new Simulation.ContextEntry("aws:SourceIp",
                List.of("192.0.2.17"), "ip")));
        SimulationResult with = simulator.simulateCustom(CALLER, withIp).get(0);
        assertEquals(Outcome.ALLOWED, with.decision());
        assertEquals(List.of(), with.missingContextValues());
    }

    @Test
    void aBoundaryCapsWhatTheInputsAllowAndSaysSo() {
        String everything = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
        String s3Only = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""";
        Simulation bounded = new Simulation(List.of(everything), List.of(s3Only), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of("s3:GetObject", "iam:CreateUser"), List.of(), List.of());

        List<SimulationResult> results = simulator.simulateCustom(CALLER, bounded);

        assertEquals(Outcome.ALLOWED, results.get(0).decision());
        assertEquals(Optional.of(true), results.get(0).allowedByBoundary());
        assertEquals(Outcome.IMPLICIT_DENY, results.get(1).decision());
        assertEquals(Optional.of(false), results.get(1).allowedByBoundary());
    }

    @Test
    void aResourcePolicyNamingTheCallerAllowsAndNeedsACallerArn() {
        String bucketPolicy = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:user/bob"},
                 "Action":"s3:GetObject","Resource":"arn:aws:s3:::shared/*"}]}""";
        String nothing = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:ListQueues","Resource":"*"}]}""";
        Simulation withCaller = new Simulation(List.of(nothing), List.of(), Optional.of(bucketPolicy),
                Optional.empty(), Optional.of("arn:aws:iam::123456789012:user/bob"), List.of("s3:GetObject"),
                List.of("arn:aws:s3:::shared/a.txt"), List.of());

        SimulationResult result = simulator.simulateCustom(CALLER, withCaller).get(0);

        assertEquals(Outcome.ALLOWED, result.decision());
        assertEquals("ResourcePolicy", result.matched().get(0).sourcePolicyId());
        assertEquals("resource", result.matched().get(0).sourcePolicyType());
        assertEquals(Outcome.ALLOWED, result.decisionDetails().get("ResourcePolicy"));
        Simulation withoutCaller = new Simulation(List.of(nothing), List.of(), Optional.of(bucketPolicy),
                Optional.empty(), Optional.empty(), List.of("s3:GetObject"), List.of(), List.of());
        assertEquals(ErrorCode.VALIDATION_ERROR,
                assertThrows(IamException.class, () -> simulator.simulateCustom(CALLER, withoutCaller)).code());
    }

    @Test
    void aMalformedInputIsNamedWithItsPosition() {
        MalformedPolicyException e = assertThrows(MalformedPolicyException.class, () -> simulator.simulateCustom(CALLER,
                simulation(List.of(READ_BUCKET, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\"}]}"),
                        List.of("s3:GetObject"), List.of())));

        assertTrue(e.getMessage().startsWith("PolicyInputList.2: "), e.getMessage());
        assertEquals(1, e.position().line());
    }

    /** Custom simulations never read stored policies. */
    private static final class NoPrincipals implements PrincipalPolicies {
        @Override
        public PolicySet forUser(User user) {
            throw new AssertionError();
        }

        @Override
        public PolicySet forGroup(Group group) {
            throw new AssertionError();
        }

        @Override
        public PolicySet forRole(Role role) {
            throw new AssertionError();
        }

        @Override
        public PolicySet forSession(SessionToken session) {
            throw new AssertionError();
        }
    }
}
