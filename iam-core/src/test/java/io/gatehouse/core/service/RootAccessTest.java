package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.credential.CredentialGenerator;
import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Account;
import io.gatehouse.core.identity.Group;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.organization.MemberAccount;
import io.gatehouse.core.organization.Organization;
import io.gatehouse.core.policy.eval.CompiledPolicy;
import io.gatehouse.core.policy.eval.PolicyEvaluator;
import io.gatehouse.core.policy.eval.PolicySet;
import io.gatehouse.core.policy.eval.PolicyType;
import io.gatehouse.core.sts.IssuedSession;
import io.gatehouse.core.sts.RootTaskPolicy;
import io.gatehouse.core.sts.SessionPrincipal;
import io.gatehouse.core.sts.SessionToken;
import io.gatehouse.core.sts.SessionTokenCodec;
import io.gatehouse.core.sts.TokenKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sts:AssumeRoot: who may assume which root, for how long, and what the task session may then do. */
class RootAccessTest {

    private static final AccountId MANAGEMENT = new AccountId("111111111111");
    private static final AccountId MEMBER = new AccountId("222222222222");
    private static final AccountId OUTSIDER = new AccountId("333333333333");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final RequestFacts FACTS = new RequestFacts("192.0.2.1", true, NOW);
    private static final User ADMIN = new User(MANAGEMENT, "AIDAADMIN0000000000A", "admin", "/", NOW, List.of());
    private static final User MEMBER_ADMIN = new User(MEMBER, "AIDAMEMBER000000000A", "admin", "/", NOW, List.of());
    private static final String CREATE_PASSWORD = RootTaskPolicy.IAM_CREATE_ROOT_USER_PASSWORD.arn();
    private static final String ALLOW_ASSUME_ROOT = "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRoot\",\"Resource\":\"*\"}";

    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final AwsManagedPolicies managed = AwsManagedPolicies.load();
    private final SessionTokenCodec codec = new SessionTokenCodec(
            new TokenKeys(SecretCipher.generateKey("t"), List.of()), CLOCK);
    private PolicySet identity = identity(ALLOW_ASSUME_ROOT);

    RootAccessTest() {
        Account management = new Account(MANAGEMENT, "management", "root@example.com", NOW);
        Account member = new Account(MEMBER, "member", "member@example.com", NOW);
        accounts.create(management, "hash");
        accounts.create(member, "!");
        Organization organization = new Organization("o-abcdefghij", MANAGEMENT, NOW);
        accounts.create(organization, new MemberAccount(management, MemberAccount.JoinedMethod.INVITED, NOW));
        accounts.addMember(organization, new MemberAccount(member, MemberAccount.JoinedMethod.CREATED, NOW));
    }

    /** Identity policies from the test; session policies are the shipped task policies, as stored ones are read. */
    private final PrincipalPolicies policies = new PrincipalPolicies() {
        @Override
        public PolicySet forUser(User user) {
            return identity;
        }

        @Override
        public PolicySet forGroup(Group group) {
            return identity;
        }

        @Override
        public PolicySet forRole(Role role) {
            return identity;
        }

        @Override
        public PolicySet forSession(SessionToken session) {
            PolicySet.Builder set = PolicySet.builder();
            for (String arn : session.sessionPolicyArns()) {
                set.sessionPolicy(CompiledPolicy.parse(arn, PolicyType.SESSION,
                        managed.version(arn, "v1").orElseThrow().document()));
            }
            return set.build();
        }
    };

    private final Authorizer authorizer = new PolicyAuthorizer(policies, new InMemoryRoles(), new PolicyEvaluator());

    private RootAccess rootAccess() {
        SecurityTokenService sts = new SecurityTokenService(new InMemoryRoles(), null, authorizer,
                new CompiledPolicyCache(16), codec, new CredentialGenerator(), CLOCK);
        return new RootAccess(accounts, authorizer, new CompiledPolicyCache(16), sts);
    }

    private IssuedSession assumeRoot(Caller caller, String target, Optional<Integer> seconds) {
        return rootAccess().assumeRoot(caller, target, CREATE_PASSWORD, seconds, FACTS);
    }

    @Test
    void aManagementAdministratorGetsAFifteenMinuteRootSessionOfTheMemberLimitedToTheTask() {
        IssuedSession issued = assumeRoot(Caller.user(ADMIN, "AKIAADMIN"), MEMBER.value(), Optional.empty());

        SessionToken session = codec.open(issued.sessionToken());
        SessionPrincipal.RootSession root = assertInstanceOf(SessionPrincipal.RootSession.class, session.principal());
        assertEquals(MEMBER, root.account());
        assertEquals("arn:aws:iam::222222222222:root", root.arn().toString());
        assertTrue(session.accessKeyId().startsWith("ASIA"));
        assertEquals(NOW.plus(Duration.ofMinutes(15)), session.expiration());
        assertEquals(Optional.of(RootTaskPolicy.IAM_CREATE_ROOT_USER_PASSWORD), RootTaskPolicy.of(session));
    }

    @Test
    void theTaskSessionMayDoWhatTheTaskPolicyAllowsAndNothingElse() {
        Caller taskSession = Caller.session(codec.open(
                assumeRoot(Caller.user(ADMIN, "AKIAADMIN"), MEMBER.value(), Optional.empty()).sessionToken()),
                Optional.empty());
        Arn root = Arn.accountRoot(MEMBER);

        assertDoesNotThrow(() -> authorizer.authorize(taskSession, "iam:CreateLoginProfile", root, FACTS));
        IamException outside = denied(() -> authorizer.authorize(taskSession, "iam:CreateUser",
                Arn.iam(MEMBER, "user", "/", "intruder"), FACTS));
        assertTrue(outside.getMessage().contains("no session policy allows"), outside.getMessage());
    }

    @Test
    void aPrincipalWithoutSTSAssumeRootIsRefused() {
        identity = PolicySet.builder().build();

        denied(() -> assumeRoot(Caller.user(ADMIN, "AKIAADMIN"), MEMBER.value(), Optional.empty()));
    }

    @Test
    void aMemberAccountPrincipalIsRefusedEvenWithThePermission() {
        denied(() -> assumeRoot(Caller.user(MEMBER_ADMIN, "AKIAMEMBER"), MEMBER.value(), Optional.empty()));
    }

    @Test
    void rootCredentialsMayNotAssumeRoot() {
        denied(() -> assumeRoot(Caller.root(MANAGEMENT, "AKIAROOT"), MEMBER.value(), Optional.empty()));
    }

    @Test
    void theManagementAccountItselfAndAccountsOutsideTheOrganizationAreNotTargets() {
        IamException self = denied(() -> assumeRoot(Caller.user(ADMIN, "AKIAADMIN"), MANAGEMENT.value(), Optional.empty()));
        assertTrue(self.getMessage().contains("management account"), self.getMessage());
        denied(() -> assumeRoot(Caller.user(ADMIN, "AKIAADMIN"), OUTSIDER.value(), Optional.empty()));
    }

    @Test
    void durationsAboveFifteenMinutesAreInvalid() {
        invalid(() -> assumeRoot(Caller.user(ADMIN, "AKIAADMIN"), MEMBER.value(), Optional.of(901)));
        assertEquals(NOW.plusSeconds(900), assumeRoot(Caller.user(ADMIN, "AKIAADMIN"), MEMBER.value(),
                Optional.of(900)).session().expiration());
    }

    @Test
    void onlyRootTaskPoliciesAndAccountIdsAreAccepted() {
        invalid(() -> rootAccess().assumeRoot(Caller.user(ADMIN, "AKIAADMIN"), MEMBER.value(),
                "arn:aws:iam::aws:policy/AdministratorAccess", Optional.empty(), FACTS));
        invalid(() -> rootAccess().assumeRoot(Caller.user(ADMIN, "AKIAADMIN"), "member",
                CREATE_PASSWORD, Optional.empty(), FACTS));
    }

    private static IamException denied(Executable call) {
        IamException e = assertThrows(IamException.class, call);
        assertEquals(ErrorCode.ACCESS_DENIED, e.code(), e.getMessage());
        return e;
    }

    private static void invalid(Executable call) {
        IamException e = assertThrows(IamException.class, call);
        assertEquals(ErrorCode.VALIDATION_ERROR, e.code(), e.getMessage());
    }

    private static PolicySet identity(String... statements) {
        PolicySet.Builder set = PolicySet.builder();
        for (String statement : statements) {
            set.identityPolicy(CompiledPolicy.parse("test", PolicyType.IDENTITY,
                    "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}"));
        }
        return set.build();
    }
}
