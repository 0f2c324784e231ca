package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.credential.CredentialGenerator;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.MaxSessionDuration;
import io.gatehouse.core.identity.Role;
import io.gatehouse.core.identity.RoleLastUsed;
import io.gatehouse.core.identity.Tag;
import io.gatehouse.core.policy.PolicyKind;
import io.gatehouse.core.policy.PolicyParser;
import io.gatehouse.core.port.RoleRepository;
import io.gatehouse.core.policy.eval.CompiledPolicy;
import io.gatehouse.core.policy.eval.PolicyEvaluator;
import io.gatehouse.core.policy.eval.PolicySet;
import io.gatehouse.core.policy.eval.RequestContext;
import io.gatehouse.core.policy.eval.RequestPrincipal;
import io.gatehouse.core.sts.AssumeRoleRequest;
import io.gatehouse.core.sts.FederatedAssumption;
import io.gatehouse.core.sts.AssumeRoleRequest.MfaCode;
import io.gatehouse.core.sts.AssumeRoleRequest.SessionPolicies;
import io.gatehouse.core.sts.IssuedSession;
import io.gatehouse.core.sts.SessionPrincipal;
import io.gatehouse.core.sts.SessionToken;
import io.gatehouse.core.sts.SessionTokenCodec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.Deflater;

/**
 * AWS STS: issues temporary credentials for a role (AssumeRole), for the caller itself
 * (GetSessionToken) and for a federated user (GetFederationToken). Nothing is stored: the session
 * lives in the sealed token it returns. Authorization is AWS's: the caller's identity policies and
 * the role's trust policy (as resource policy) decide {@code sts:AssumeRole}, across accounts both.
 */
public final class SecurityTokenService {

    /** AWS: role sessions last an hour unless asked otherwise; user sessions twelve hours. */
    static final Duration DEFAULT_ROLE_SESSION = Duration.ofHours(1);
    static final Duration DEFAULT_USER_SESSION = Duration.ofHours(12);
    static final Duration MIN_SESSION = Duration.ofMinutes(15);
    static final Duration MAX_USER_SESSION = Duration.ofHours(36);
    /** Sessions of the root user, and role sessions that assume another role, last at most an hour. */
    static final Duration MAX_ROOT_OR_CHAINED_SESSION = Duration.ofHours(1);
    static final int MAX_SESSION_POLICY_ARNS = 10;
    static final int MAX_SESSION_TAGS = 50;
    /**
     * The packed (compressed) size budget of session policies and tags. AWS does not publish its
     * figure; this one admits the documented maxima of each part alone and refuses their sum.
     */
    static final int PACKED_SIZE_LIMIT = 2048;

    private final RoleRepository roles;
    private final MfaService mfa;
    private final Authorizer authorizer;
    private final CompiledPolicyCache policies;
    private final SessionTokenCodec tokens;
    private final CredentialGenerator generator;
    private final Clock clock;
    private final RecentUses useRecorder = new RecentUses();
    private final PolicyEvaluator evaluator = new PolicyEvaluator();

    public SecurityTokenService(RoleRepository roles, MfaService mfa,
                                Authorizer authorizer, CompiledPolicyCache policies, SessionTokenCodec tokens,
                                CredentialGenerator generator, Clock clock) {
        this.roles = roles;
        this.mfa = mfa;
        this.authorizer = authorizer;
        this.policies = policies;
        this.tokens = tokens;
        this.generator = generator;
        this.clock = clock;
    }

    public IssuedSession assumeRole(Caller caller, AssumeRoleRequest request, RequestFacts facts) {
        Constraint.ARN.check("RoleArn", request.roleArn());
        String sessionName = Constraint.ROLE_SESSION_NAME.check("RoleSessionName", request.roleSessionName());
        request.externalId().ifPresent(id -> Constraint.EXTERNAL_ID.check("ExternalId", id));
        request.sourceIdentity().ifPresent(id -> checkSourceIdentity(id));
        request.durationSeconds().ifPresent(seconds -> Constraint.range("DurationSeconds", seconds,
                (int) MIN_SESSION.getSeconds(), MaxSessionDuration.MAX_SECONDS));
        Arn roleArn = Arn.parse(request.roleArn());
        if (caller.isRoot()) {
            throw IamException.accessDenied("Roles may not be assumed by root accounts.");
        }
        Optional<SessionToken> callerSession = caller.session();
        List<Tag> tags = sessionTags(request.tags(), request.transitiveTagKeys(), callerSession);
        Set<String> transitive = transitiveKeys(request.transitiveTagKeys(), callerSession);
        Optional<String> sourceIdentity = sourceIdentity(request.sourceIdentity(), callerSession);
        SessionPolicies sessionPolicies = checkedPolicies(request.policies());

        Map<String, List<String>> keys = new HashMap<>();
        keys.put("sts:RoleSessionName", List.of(sessionName));
        request.externalId().ifPresent(id -> keys.put("sts:ExternalId", List.of(id)));
        request.sourceIdentity().ifPresent(id -> keys.put("sts:SourceIdentity", List.of(id)));
        requestTagKeys(request.tags(), request.transitiveTagKeys(), keys);
        Optional<Instant> mfaAt = request.mfa().map(code -> {
            mfa.authenticate(caller, code.serialNumber(), code.tokenCode());
            Instant now = clock.instant();
            keys.put("aws:MultiFactorAuthPresent", List.of("true"));
            keys.put("aws:MultiFactorAuthAge", List.of("0"));
            return now;
        });

        // An unknown role reads exactly like a refusal, so callers cannot probe other accounts.
        Role role = role(roleArn).orElseThrow(() -> denied(caller, "sts:AssumeRole", roleArn));
        ResourceAccess trust = ResourceAccess.trustPolicy(
                policies.compiledTrustPolicy(role.arn() + "#trust", role.trustPolicy()), keys);
        authorizer.authorize(caller, "sts:AssumeRole", roleArn, facts, trust);
        if (!request.tags().isEmpty() || !request.transitiveTagKeys().isEmpty()) {
            authorizer.authorize(caller, "sts:TagSession", roleArn, facts, trust);
        }
        if (request.sourceIdentity().isPresent()) {
            authorizer.authorize(caller, "sts:SetSourceIdentity", roleArn, facts, trust);
        }

        if (useRecorder.shouldWrite(role.roleId(), facts.region(), facts.time())) {
            roles.recordUse(role, new RoleLastUsed(facts.time(), facts.region()));
        }
        boolean chained = caller.roleSession().isPresent();
        Duration duration = roleSessionDuration(request.durationSeconds(), role, chained);
        SessionPrincipal principal = new SessionPrincipal.AssumedRole(role.account(), role.roleId(), role.arn(),
                role.name(), sessionName);
        return issue(principal, duration, mfaAt, sessionPolicies, tags, transitive, sourceIdentity, chained);
    }

    /** A session of the caller itself (an IAM user or root), typically to prove MFA. */
    public IssuedSession getSessionToken(Caller caller, Optional<Integer> durationSeconds, Optional<MfaCode> code) {
        if (caller.session().isPresent()) {
            throw IamException.accessDenied("Cannot call GetSessionToken with session credentials");
        }
        Duration max = caller.isRoot() ? MAX_ROOT_OR_CHAINED_SESSION : MAX_USER_SESSION;
        Duration duration = duration(durationSeconds, DEFAULT_USER_SESSION, max, "durationSeconds");
        Optional<Instant> mfaAt = code.map(c -> {
            mfa.authenticate(caller, c.serialNumber(), c.tokenCode());
            return clock.instant();
        });
        SessionPrincipal principal = caller.user()
                .<SessionPrincipal>map(user -> new SessionPrincipal.UserSession(user.account(), user.userId(),
                        user.arn(), user.name()))
                .orElseGet(() -> new SessionPrincipal.RootSession(caller.account()));
        return issue(principal, duration, mfaAt, SessionPolicies.NONE, List.of(), Set.of(), Optional.empty(), false);
    }

    /**
     * A session for a named federated user whose permissions are the intersection of the calling
     * user's and the session policies (none given: no permissions at all, as in AWS).
     */
    public IssuedSession getFederationToken(Caller caller, String name, Optional<Integer> durationSeconds,
                                            SessionPolicies requested, List<Tag> requestedTags, RequestFacts facts) {
        Constraint.FEDERATED_USER_NAME.check("Name", name);
        if (caller.session().isPresent()) {
            throw IamException.accessDenied("Cannot call GetFederationToken with session credentials");
        }
        SessionPrincipal.FederatedUser principal = new SessionPrincipal.FederatedUser(caller.account(), name,
                caller.user().map(user -> user.userId()).orElse(caller.account().value()));
        List<Tag> tags = sessionTags(requestedTags, List.of(), Optional.empty());
        SessionPolicies sessionPolicies = checkedPolicies(requested);
        Map<String, List<String>> keys = new HashMap<>();
        requestTagKeys(requestedTags, List.of(), keys);
        authorizer.authorize(caller, "sts:GetFederationToken", principal.arn(), facts,
                ResourceAccess.requestKeys(keys));
        Duration max = caller.isRoot() ? MAX_ROOT_OR_CHAINED_SESSION : MAX_USER_SESSION;
        Duration duration = duration(durationSeconds, DEFAULT_USER_SESSION, max, "durationSeconds");
        return issue(principal, duration, Optional.empty(), sessionPolicies, tags, Set.of(), Optional.empty(), false);
    }

    /**
     * A role session for a federated identity (AssumeRoleWithLDAPIdentity and kin): no caller
     * policies exist, so the role's trust policy alone must allow the provider, as in AWS.
     */
    public IssuedSession assumeRoleWithFederatedIdentity(FederatedAssumption request, RequestFacts facts) {
        Constraint.ARN.check("RoleArn", request.roleArn());
        String sessionName = Constraint.ROLE_SESSION_NAME.check("RoleSessionName", request.roleSessionName());
        request.durationSeconds().ifPresent(seconds -> Constraint.range("DurationSeconds", seconds,
                (int) MIN_SESSION.getSeconds(), MaxSessionDuration.MAX_SECONDS));
        List<Tag> tags = sessionTags(request.sessionTags(), List.of(), Optional.empty());
        SessionPolicies sessionPolicies = checkedPolicies(new SessionPolicies(request.policy(), List.of()));
        Arn roleArn = Arn.parse(request.roleArn());
        IamException refused = IamException.accessDenied("Not authorized to perform " + request.action());
        Role role = role(roleArn).orElseThrow(() -> refused);
        CompiledPolicy trust = policies.compiledTrustPolicy(role.arn() + "#trust", role.trustPolicy());
        RequestContext.Builder context = RequestContext.builder()
                .principal(RequestPrincipal.webIdentity(request.providerArn().toString(), request.providerArn().account()))
                .resource(roleArn.toString())
                .resourceAccount(role.account().value())
                .key("aws:CurrentTime", DateTimeFormatter.ISO_INSTANT.format(facts.time().truncatedTo(ChronoUnit.SECONDS)))
                .key("aws:EpochTime", Long.toString(facts.time().getEpochSecond()))
                .key("aws:SourceIp", facts.sourceIp())
                .key("aws:SecureTransport", Boolean.toString(facts.secureTransport()))
                .key("sts:RoleSessionName", sessionName);
        request.conditionKeys().forEach(context::key);
        Map<String, List<String>> tagKeys = new HashMap<>();
        requestTagKeys(tags, List.of(), tagKeys);
        tagKeys.forEach(context::key);
        PolicySet trustOnly = PolicySet.builder().resourcePolicy(trust).build();
        List<String> actions = tags.isEmpty() ? List.of(request.action()) : List.of(request.action(), "sts:TagSession");
        for (String action : actions) {
            if (!evaluator.decide(context.action(action).build(), trustOnly).isAllowed()) {
                throw refused;
            }
        }
        if (useRecorder.shouldWrite(role.roleId(), facts.region(), facts.time())) {
            roles.recordUse(role, new RoleLastUsed(facts.time(), facts.region()));
        }
        Duration duration = roleSessionDuration(request.durationSeconds(), role, false);
        SessionPrincipal principal = new SessionPrincipal.AssumedRole(role.account(), role.roleId(), role.arn(),
                role.name(), sessionName);
        return issue(principal, duration, Optional.empty(), sessionPolicies, tags, Set.of(), Optional.empty(), false);
    }

    private IssuedSession issue(SessionPrincipal principal, Duration duration, Optional<Instant> mfaAt,
                                SessionPolicies sessionPolicies, List<Tag> tags, Set<String> transitive,
                                Optional<String> sourceIdentity, boolean chained) {
        int packed = packedSize(sessionPolicies, tags);
        Instant now = clock.instant();
        SessionToken session = new SessionToken(generator.temporaryAccessKeyId(), generator.secretAccessKey(),
                principal, now, now.plus(duration), mfaAt, sessionPolicies.policy(), sessionPolicies.policyArns(),
                tags, transitive, sourceIdentity, chained);
        return new IssuedSession(session, tokens.seal(session), packed);
    }

    private Optional<Role> role(Arn arn) {
        if (!arn.service().equals("iam") || !arn.resource().startsWith("role/") || !AccountId.isValid(arn.account())) {
            return Optional.empty();
        }
        String resource = arn.resource();
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        return roles.findByName(new AccountId(arn.account()), name)
                .filter(role -> role.arn().toString().equals(arn.toString())
                        // A role ARN names the role with or without its path, as AWS accepts both.
                        || Arn.iam(role.account(), "role", "/", role.name()).toString().equals(arn.toString()));
    }

    private static Duration roleSessionDuration(Optional<Integer> requested, Role role, boolean chained) {
        if (chained && requested.filter(seconds -> seconds > MAX_ROOT_OR_CHAINED_SESSION.getSeconds()).isPresent()) {
            throw IamException.validation("The requested DurationSeconds exceeds the 1 hour session limit for roles "
                    + "assumed by role chaining.");
        }
        if (requested.filter(seconds -> seconds > role.maxSessionDuration().seconds()).isPresent()) {
            throw IamException.validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        return duration(requested, DEFAULT_ROLE_SESSION, Duration.ofHours(12), "durationSeconds");
    }

    private static Duration duration(Optional<Integer> requested, Duration byDefault, Duration max, String parameter) {
        if (requested.isEmpty()) {
            return byDefault.compareTo(max) > 0 ? max : byDefault;
        }
        return Duration.ofSeconds(Constraint.range(parameter, requested.get(), (int) MIN_SESSION.getSeconds(),
                (int) max.getSeconds()));
    }

    /**
     * The session policy must be a valid policy; managed session policies are named by ARN and read
     * when the session is evaluated, like attached ones (one deleted meanwhile grants nothing).
     */
    private SessionPolicies checkedPolicies(SessionPolicies requested) {
        requested.policy().ifPresent(policy -> {
            Constraint.SESSION_POLICY.check("Policy", policy);
            PolicyParser.parse(policy, PolicyKind.SESSION);
        });
        if (requested.policyArns().size() > MAX_SESSION_POLICY_ARNS) {
            throw IamException.validation("1 validation error detected: Value at 'policyArns' failed to satisfy "
                    + "constraint: Member must have length less than or equal to " + MAX_SESSION_POLICY_ARNS);
        }
        for (String arn : requested.policyArns()) {
            Constraint.ARN.check("PolicyArns.member.arn", arn);
        }
        return requested;
    }

    private static void checkSourceIdentity(String identity) {
        Constraint.SOURCE_IDENTITY.check("SourceIdentity", identity);
        if (identity.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            throw IamException.validation("SourceIdentity cannot begin with the prefix 'aws:'.");
        }
    }

    /** Once set, a source identity follows every chained session and cannot change. */
    private static Optional<String> sourceIdentity(Optional<String> requested, Optional<SessionToken> callerSession) {
        Optional<String> inherited = callerSession.flatMap(SessionToken::sourceIdentity);
        if (inherited.isPresent() && requested.isPresent() && !inherited.equals(requested)) {
            throw IamException.accessDenied("The source identity of a role session cannot be changed by role chaining.");
        }
        return inherited.or(() -> requested);
    }

    /**
     * The request's tags plus the caller session's transitive tags, which chaining carries forward
     * and the request may not override (AWS).
     */
    private static List<Tag> sessionTags(List<Tag> requested, List<String> transitiveKeys,
                                         Optional<SessionToken> callerSession) {
        Set<String> seen = new LinkedHashSet<>();
        for (Tag tag : requested) {
            Constraint.TAG_KEY.check("Tags.member.key", tag.key());
            Constraint.TAG_VALUE.check("Tags.member.value", tag.value());
            if (!seen.add(tag.key().toLowerCase(Locale.ROOT))) {
                throw new IamException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "Duplicate tag keys found. Please note that Tag keys are case insensitive.");
            }
        }
        if (requested.size() > MAX_SESSION_TAGS) {
            throw IamException.validation("1 validation error detected: Value at 'tags' failed to satisfy constraint: "
                    + "Member must have length less than or equal to " + MAX_SESSION_TAGS);
        }
        for (String key : transitiveKeys) {
            Constraint.TAG_KEY.check("TransitiveTagKeys.member", key);
            if (!seen.contains(key.toLowerCase(Locale.ROOT))) {
                throw new IamException(ErrorCode.INVALID_PARAMETER_VALUE,
                        "The TransitiveTagKeys must be a subset of the session tag keys: " + key);
            }
        }
        List<Tag> tags = new ArrayList<>(requested);
        callerSession.ifPresent(session -> {
            for (Tag inherited : session.tags()) {
                if (!session.transitiveTagKeys().contains(inherited.key())) {
                    continue;
                }
                if (seen.contains(inherited.key().toLowerCase(Locale.ROOT))) {
                    throw new IamException(ErrorCode.INVALID_PARAMETER_VALUE,
                            "Transitive tag key " + inherited.key() + " cannot be overridden in a chained session.");
                }
                tags.add(inherited);
            }
        });
        return tags;
    }

    private static Set<String> transitiveKeys(List<String> requested, Optional<SessionToken> callerSession) {
        Set<String> keys = new LinkedHashSet<>(requested);
        callerSession.ifPresent(session -> keys.addAll(session.transitiveTagKeys()));
        return keys;
    }

    private static void requestTagKeys(List<Tag> tags, List<String> transitiveKeys, Map<String, List<String>> keys) {
        if (tags.isEmpty()) {
            return;
        }
        for (Tag tag : tags) {
            keys.put("aws:RequestTag/" + tag.key(), List.of(tag.value()));
        }
        keys.put("aws:TagKeys", tags.stream().map(Tag::key).toList());
        if (!transitiveKeys.isEmpty()) {
            keys.put("sts:TransitiveTagKeys", List.copyOf(transitiveKeys));
        }
    }

    /** AWS's PackedPolicySize: the percentage of the packed budget the session's policies and tags use. */
    static int packedSize(SessionPolicies policies, List<Tag> tags) {
        if (policies.policy().isEmpty() && policies.policyArns().isEmpty() && tags.isEmpty()) {
            return 0;
        }
        StringBuilder packed = new StringBuilder();
        policies.policy().ifPresent(packed::append);
        policies.policyArns().forEach(arn -> packed.append('\n').append(arn));
        tags.forEach(tag -> packed.append('\n').append(tag.key()).append('=').append(tag.value()));
        int bytes = deflatedLength(packed.toString().getBytes(StandardCharsets.UTF_8));
        int percent = (int) Math.ceil(100.0 * bytes / PACKED_SIZE_LIMIT);
        if (percent > 100) {
            throw new IamException(ErrorCode.PACKED_POLICY_TOO_LARGE, "Packed policy consumes " + percent
                    + "% of allotted space, please use smaller policy.");
        }
        return percent;
    }

    private static int deflatedLength(byte[] input) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(input);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.size();
        } finally {
            deflater.end();
        }
    }

    private static IamException denied(Caller caller, String action, Arn resource) {
        return IamException.accessDenied("User: " + caller.arn() + " is not authorized to perform: " + action
                + " on resource: " + resource);
    }
}
