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
import io.gatehouse.core.identity.User;
import io.gatehouse.core.identity.VirtualMfaDevice;
import io.gatehouse.core.policy.MalformedPolicyException;
import io.gatehouse.core.policy.eval.CompiledPolicy;
import io.gatehouse.core.policy.eval.PolicyEvaluator;
import io.gatehouse.core.policy.eval.PolicySet;
import io.gatehouse.core.policy.eval.PolicyType;
import io.gatehouse.core.port.MfaDeviceRepository;
import io.gatehouse.core.port.Page;
import io.gatehouse.core.port.PageRequest;
import io.gatehouse.core.sts.AssumeRoleRequest;
import io.gatehouse.core.sts.AssumeRoleRequest.MfaCode;
import io.gatehouse.core.sts.AssumeRoleRequest.SessionPolicies;
import io.gatehouse.core.sts.IssuedSession;
import io.gatehouse.core.sts.SessionPrincipal;
import io.gatehouse.core.sts.SessionTokenCodec;
import io.gatehouse.core.sts.TokenKeys;
import io.gatehouse.core.totp.Totp;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AssumeRole, GetSessionToken and GetFederationToken: who may, for how long, with what. */
class SecurityTokenServiceTest {

    private static final AccountId PRODUCTION = new AccountId("111111111111");
    private static final AccountId DEVELOPMENT = new AccountId("222222222222");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final RequestFacts FACTS = new RequestFacts("192.0.2.1", true, NOW);
    private static final User ALICE = new User(PRODUCTION, "AIDAALICE0000000000A", "alice", "/", NOW, List.of());
    private static final User DEV_USER = new User(DEVELOPMENT, "AIDADEVUSER00000000A", "dev", "/", NOW, List.of());
    private static final Caller AS_ALICE = Caller.user(ALICE, "AKIAALICE");
    private static final Caller AS_DEV = Caller.user(DEV_USER, "AKIADEV");
    private static final String ALLOW_ASSUME = statement("Allow", "sts:AssumeRole", "*");

    private final InMemoryRoles roles = new InMemoryRoles();
    private final Devices devices = new Devices();
    private final SecretCipher cipher = new SecretCipher(SecretCipher.generateKey("k"), List.of());
    private final SessionTokenCodec codec = new SessionTokenCodec(
            new TokenKeys(SecretCipher.generateKey("t"), List.of()), CLOCK);
    private PolicySet identity = PolicySet.builder().build();

    private SecurityTokenService sts() {
        PrincipalPolicies policies = new FixedPolicies(identity);
        Authorizer authorizer = new PolicyAuthorizer(policies, roles, new PolicyEvaluator());
        MfaService mfa = new MfaService(devices, null, new CredentialGenerator(), cipher, new Totp(CLOCK), CLOCK);
        return new SecurityTokenService(roles, mfa, authorizer, new CompiledPolicyCache(64), codec,
                new CredentialGenerator(), CLOCK);
    }

    @Test
    void aTrustPolicyNamingTheUserLetsItAssumeTheRoleWithoutAnIdentityPolicy() {
        Role role = role(PRODUCTION, "deploy", trust("\"AWS\":\"" + ALICE.arn() + "\""));

        IssuedSession issued = sts().assumeRole(AS_ALICE, assume(role, "ci"), FACTS);

        SessionPrincipal.AssumedRole principal = assertInstanceOf(SessionPrincipal.AssumedRole.class,
                issued.session().principal());
        assertEquals("arn:aws:sts::111111111111:assumed-role/deploy/ci", principal.arn().toString());
        assertEquals(role.roleId() + ":ci", principal.principalId());
        assertTrue(issued.session().accessKeyId().startsWith("ASIA"));
        assertEquals(NOW.plus(Duration.ofHours(1)), issued.session().expiration());
        assertEquals(issued.session(), codec.open(issued.sessionToken()));
        assertEquals(0, issued.packedPolicySize());
    }

    @Test
    void aTrustPolicyNamingTheAccountDelegatesToIdentityPolicies() {
        Role role = role(PRODUCTION, "deploy", trust("\"AWS\":\"arn:aws:iam::111111111111:root\""));

        denied(() -> sts().assumeRole(AS_ALICE, assume(role, "ci"), FACTS));

        identity = identity(ALLOW_ASSUME);
        assertEquals("deploy", ((SessionPrincipal.AssumedRole) sts().assumeRole(AS_ALICE, assume(role, "ci"), FACTS)
                .session().principal()).roleName());
    }

    @Test
    void acrossAccountsBothTheTrustPolicyAndTheCallersPoliciesMustAllow() {
        Role role = role(PRODUCTION, "delegate_read_my_bucket", trust("\"AWS\":\"arn:aws:iam::222222222222:root\""));

        denied(() -> sts().assumeRole(AS_DEV, assume(role, "my-s3-session"), FACTS));

        identity = identity(statement("Allow", "sts:AssumeRole", role.arn().toString()));
        assertEquals(PRODUCTION, sts().assumeRole(AS_DEV, assume(role, "my-s3-session"), FACTS)
                .session().principal().account());

        User stranger = new User(new AccountId("333333333333"), "AIDASTRANGER0000000A", "eve", "/", NOW, List.of());
        denied(() -> sts().assumeRole(Caller.user(stranger, "AKIAEVE"), assume(role, "x1"), FACTS));
    }

    @Test
    void anUnknownRoleReadsLikeARefusal() {
        IamException e = denied(() -> sts().assumeRole(AS_ALICE, new AssumeRoleRequest(
                "arn:aws:iam::111111111111:role/nope", "ci", Optional.empty(), SessionPolicies.NONE, List.of(),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty()), FACTS));
        assertTrue(e.getMessage().contains("sts:AssumeRole"), e.getMessage());
    }

    @Test
    void theRootUserMayNotAssumeRoles() {
        Role role = role(PRODUCTION, "deploy", trust("\"AWS\":\"arn:aws:iam::111111111111:root\""));

        IamException e = denied(() -> sts().assumeRole(Caller.root(PRODUCTION, "AKIAROOT"), assume(role, "ci"), FACTS));
        assertEquals("Roles may not be assumed by root accounts.", e.getMessage());
    }

    @Test
    void anExternalIdConditionMustBeMet() {
        Role role = role(PRODUCTION, "vendor", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"222222222222\"},\"Action\":\"sts:AssumeRole\","
                + "\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"Unique-42\"}}}]}");
        identity = identity(ALLOW_ASSUME);

        denied(() -> sts().assumeRole(AS_DEV, assume(role, "s-v"), FACTS));
        denied(() -> sts().assumeRole(AS_DEV, withExternalId(assume(role, "s-v"), "Other-1"), FACTS));
        assertEquals(role.roleId() + ":s-v",
                sts().assumeRole(AS_DEV, withExternalId(assume(role, "s-v"), "Unique-42"), FACTS)
                        .session().principal().principalId());
    }

    @Test
    void anMfaConditionNeedsAFreshValidCodeAndACodeWorksOnce() {
        Role role = role(PRODUCTION, "admin", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"" + ALICE.arn() + "\"},\"Action\":\"sts:AssumeRole\","
                + "\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}");
        byte[] seed = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        String serial = devices.enabled(ALICE, seed, cipher);
        String code = Totp.code(seed, NOW.getEpochSecond() / Totp.STEP_SECONDS);

        denied(() -> sts().assumeRole(AS_ALICE, assume(role, "s-a"), FACTS));
        IssuedSession issued = sts().assumeRole(AS_ALICE, withMfa(assume(role, "s-a"), serial, code), FACTS);
        assertEquals(Optional.of(NOW), issued.session().mfaAuthenticatedAt());

        IamException replay = denied(() -> sts().assumeRole(AS_ALICE, withMfa(assume(role, "s-a"), serial, code), FACTS));
        assertTrue(replay.getMessage().startsWith("MultiFactorAuthentication failed"), replay.getMessage());
    }

    @Test
    void durationsFollowTheRolesMaximumAndChainingIsCappedAtOneHour() {
        Role role = role(PRODUCTION, "deploy", trust("\"AWS\":\"111111111111\""));
        identity = identity(ALLOW_ASSUME);

        assertEquals(ErrorCode.VALIDATION_ERROR, assertThrows(IamException.class,
                () -> sts().assumeRole(AS_ALICE, withDuration(assume(role, "s-a"), 7200), FACTS)).code());
        assertEquals(ErrorCode.VALIDATION_ERROR, assertThrows(IamException.class,
                () -> sts().assumeRole(AS_ALICE, withDuration(assume(role, "s-a"), 899), FACTS)).code());
        assertEquals(NOW.plusSeconds(900),
                sts().assumeRole(AS_ALICE, withDuration(assume(role, "s-a"), 900), FACTS).session().expiration());

        Role longer = roles.save(role(PRODUCTION, "long", trust("\"AWS\":\"111111111111\""))
                .withMaxSessionDuration(new MaxSessionDuration(43200)));
        IssuedSession first = sts().assumeRole(AS_ALICE, withDuration(assume(longer, "s-a"), 43200), FACTS);
        assertEquals(NOW.plus(Duration.ofHours(12)), first.session().expiration());

        Caller roleSession = Caller.session(first.session(), Optional.empty());
        IamException chained = assertThrows(IamException.class,
                () -> sts().assumeRole(roleSession, withDuration(assume(longer, "s-b"), 7200), FACTS));
        assertTrue(chained.getMessage().contains("role chaining"), chained.getMessage());
        IssuedSession second = sts().assumeRole(roleSession, assume(longer, "s-b"), FACTS);
        assertTrue(second.session().roleChained());
    }

    @Test
    void transitiveTagsFollowAChainAndCannotBeOverridden() {
        Role role = role(PRODUCTION, "tagged", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"111111111111\"},\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\"]}]}");
        identity = identity(statement("Allow", "sts:*", "*"));
        AssumeRoleRequest tagged = new AssumeRoleRequest(role.arn().toString(), "s-a", Optional.empty(),
                SessionPolicies.NONE, List.of(new Tag("Project", "Unicorn"), new Tag("Team", "Blue")),
                List.of("Project"), Optional.empty(), Optional.empty(), Optional.empty());
        IssuedSession first = sts().assumeRole(AS_ALICE, tagged, FACTS);

        Caller roleSession = Caller.session(first.session(), Optional.empty());
        IssuedSession second = sts().assumeRole(roleSession, assume(role, "s-b"), FACTS);
        assertEquals(List.of(new Tag("Project", "Unicorn")), second.session().tags());
        assertEquals(Set.of("Project"), second.session().transitiveTagKeys());

        AssumeRoleRequest override = new AssumeRoleRequest(role.arn().toString(), "s-c", Optional.empty(),
                SessionPolicies.NONE, List.of(new Tag("project", "Other")), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty());
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE,
                assertThrows(IamException.class, () -> sts().assumeRole(roleSession, override, FACTS)).code());
    }

    @Test
    void sessionTagsNeedTagSessionInTheTrustPolicy() {
        Role role = role(PRODUCTION, "untagged", trust("\"AWS\":\"111111111111\""));
        identity = identity(statement("Allow", "sts:*", "*"));
        AssumeRoleRequest tagged = new AssumeRoleRequest(role.arn().toString(), "s-a", Optional.empty(),
                SessionPolicies.NONE, List.of(new Tag("Project", "Unicorn")), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty());

        IamException e = denied(() -> sts().assumeRole(AS_ALICE, tagged, FACTS));
        assertTrue(e.getMessage().contains("sts:TagSession"), e.getMessage());
    }

    @Test
    void sessionPoliciesAreValidatedAndTheirPackedSizeReported() {
        Role role = role(PRODUCTION, "deploy", trust("\"AWS\":\"111111111111\""));
        identity = identity(ALLOW_ASSUME);
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement("Allow", "s3:GetObject", "*") + "]}";

        IssuedSession issued = sts().assumeRole(AS_ALICE, withPolicy(assume(role, "s-a"), policy), FACTS);
        assertEquals(Optional.of(policy), issued.session().sessionPolicy());
        assertTrue(issued.packedPolicySize() > 0 && issued.packedPolicySize() <= 100);

        assertThrows(MalformedPolicyException.class,
                () -> sts().assumeRole(AS_ALICE, withPolicy(assume(role, "s-a"), "{\"Statement\":[}"), FACTS));
    }

    @Test
    void tooManyTagsOfFullSizeDoNotPack() {
        List<Tag> tags = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 50; i++) {
            StringBuilder value = new StringBuilder();
            for (int j = 0; j < 256; j++) {
                value.append((char) ('a' + random.nextInt(26)));
            }
            tags.add(new Tag("key" + i, value.toString()));
        }
        IamException e = assertThrows(IamException.class, () -> SecurityTokenService.packedSize(SessionPolicies.NONE, tags));
        assertEquals(ErrorCode.PACKED_POLICY_TOO_LARGE, e.code());
    }

    @Test
    void getSessionTokenIsForLongTermCredentialsAndRootSessionsLastAnHour() {
        IssuedSession user = sts().getSessionToken(AS_ALICE, Optional.empty(), Optional.empty());
        assertEquals(NOW.plus(Duration.ofHours(12)), user.session().expiration());
        assertEquals(ALICE.arn(), user.session().principal().arn());

        IssuedSession root = sts().getSessionToken(Caller.root(PRODUCTION, "AKIAROOT"), Optional.empty(), Optional.empty());
        assertEquals(NOW.plus(Duration.ofHours(1)), root.session().expiration());
        assertEquals(ErrorCode.VALIDATION_ERROR, assertThrows(IamException.class, () -> sts().getSessionToken(
                Caller.root(PRODUCTION, "AKIAROOT"), Optional.of(7200), Optional.empty())).code());

        Caller session = Caller.session(user.session(), Optional.of(ALICE));
        denied(() -> sts().getSessionToken(session, Optional.empty(), Optional.empty()));
    }

    @Test
    void aFederatedUserNeedsTheCallersPermission() {
        denied(() -> sts().getFederationToken(AS_ALICE, "bob", Optional.empty(), SessionPolicies.NONE, List.of(), FACTS));

        identity = identity(statement("Allow", "sts:GetFederationToken", "*"));
        IssuedSession issued = sts().getFederationToken(AS_ALICE, "bob", Optional.empty(), SessionPolicies.NONE,
                List.of(), FACTS);
        assertEquals("arn:aws:sts::111111111111:federated-user/bob", issued.session().principal().arn().toString());
        assertEquals("111111111111:bob", issued.session().principal().principalId());
    }

    private static IamException denied(org.junit.jupiter.api.function.Executable call) {
        IamException e = assertThrows(IamException.class, call);
        assertEquals(ErrorCode.ACCESS_DENIED, e.code(), e.getMessage());
        return e;
    }

    private Role role(AccountId account, String name, String trust) {
        Role role = new Role(account, "AROA" + Integer.toHexString(name.hashCode()).toUpperCase(),
                name, "/", NOW, trust, Optional.empty(), MaxSessionDuration.DEFAULT, List.of());
        return roles.save(role);
    }

    private static String trust(String principal) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{" + principal
                + "},\"Action\":\"sts:AssumeRole\"}]}";
    }

    private static String statement(String effect, String action, String resource) {
        return "{\"Effect\":\"" + effect + "\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}";
    }

    private static PolicySet identity(String... statements) {
        PolicySet.Builder set = PolicySet.builder();
        for (String statement : statements) {
            set.identityPolicy(CompiledPolicy.parse("test", PolicyType.IDENTITY,
                    "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}"));
        }
        return set.build();
    }

    private static AssumeRoleRequest assume(Role role, String session) {
        return new AssumeRoleRequest(role.arn().toString(), session, Optional.empty(), SessionPolicies.NONE, List.of(),
                List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static AssumeRoleRequest withExternalId(AssumeRoleRequest r, String externalId) {
        return new AssumeRoleRequest(r.roleArn(), r.roleSessionName(), r.durationSeconds(), r.policies(), r.tags(),
                r.transitiveTagKeys(), Optional.of(externalId), r.mfa(), r.sourceIdentity());
    }

    private static AssumeRoleRequest withMfa(AssumeRoleRequest r, String serial, String code) {
        return new AssumeRoleRequest(r.roleArn(), r.roleSessionName(), r.durationSeconds(), r.policies(), r.tags(),
                r.transitiveTagKeys(), r.externalId(), Optional.of(new MfaCode(serial, code)), r.sourceIdentity());
    }

    private static AssumeRoleRequest withDuration(AssumeRoleRequest r, int seconds) {
        return new AssumeRoleRequest(r.roleArn(), r.roleSessionName(), Optional.of(seconds), r.policies(), r.tags(),
                r.transitiveTagKeys(), r.externalId(), r.mfa(), r.sourceIdentity());
    }

    private static AssumeRoleRequest withPolicy(AssumeRoleRequest r, String policy) {
        return new AssumeRoleRequest(r.roleArn(), r.roleSessionName(), r.durationSeconds(),
                new SessionPolicies(Optional.of(policy), List.of()), r.tags(), r.transitiveTagKeys(), r.externalId(),
                r.mfa(), r.sourceIdentity());
    }

    /** Virtual MFA devices in memory. */
    private static final class Devices implements MfaDeviceRepository {
        private final List<VirtualMfaDevice> stored = new ArrayList<>();

        String enabled(User user, byte[] seed, SecretCipher cipher) {
            String serial = VirtualMfaDevice.serialNumber(user.account(), "/", user.name());
            stored.add(new VirtualMfaDevice(user.account(), user.name(), "/",
                    cipher.seal(seed, serial.getBytes(StandardCharsets.UTF_8)), NOW, Optional.of(user.userId()),
                    Optional.of(NOW), Long.MIN_VALUE, List.of()));
            return serial;
        }

        @Override
        public Optional<VirtualMfaDevice> find(AccountId account, String serialNumber) {
            return stored.stream().filter(d -> d.serialNumber().equals(serialNumber)).findFirst();
        }

        @Override
        public void create(VirtualMfaDevice device) {
            stored.add(device);
        }

        @Override
        public void update(VirtualMfaDevice device) {
            stored.replaceAll(d -> d.serialNumber().equals(device.serialNumber()) ? device : d);
        }

        @Override
        public void delete(VirtualMfaDevice device) {
            stored.removeIf(d -> d.serialNumber().equals(device.serialNumber()));
        }

        @Override
        public Page<VirtualMfaDevice> list(AccountId account, Assignment assignment, PageRequest page) {
            return new Page<>(List.copyOf(stored), Optional.empty());
        }

        @Override
        public Page<VirtualMfaDevice> listForUser(AccountId account, String userId, PageRequest page) {
            return new Page<>(List.copyOf(stored), Optional.empty());
        }

        @Override
        public long countForUser(AccountId account, String userId) {
            return stored.size();
        }
    }
}
