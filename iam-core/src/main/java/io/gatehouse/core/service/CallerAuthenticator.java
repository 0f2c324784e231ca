package io.gatehouse.core.service;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.AccessKey;
import io.gatehouse.core.identity.User;
import io.gatehouse.core.port.UserRepository;
import io.gatehouse.core.sigv4.HttpRequestView;
import io.gatehouse.core.sigv4.SigV4Claim;
import io.gatehouse.core.sigv4.SigV4Verifier;
import io.gatehouse.core.sts.SessionPrincipal;
import io.gatehouse.core.sts.SessionToken;
import io.gatehouse.core.sts.SessionTokenCodec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a signed request into its {@link Caller}: the claimed key must exist and be active, and the
 * SigV4 signature must verify with its secret. Every refusal of an unknown or inactive key reads
 * the same, so a caller cannot tell which it was.
 */
public final class CallerAuthenticator {

    private static final String TEMPORARY_KEY_PREFIX = "ASIA";

    private final SigV4Verifier verifier;
    private final UserRepository users;
    private final AccessKeyService accessKeys;
    private final SessionTokenCodec sessionTokens;

    public CallerAuthenticator(SigV4Verifier verifier, UserRepository users,
                               AccessKeyService accessKeys, SessionTokenCodec sessionTokens) {
        this.verifier = verifier;
        this.users = users;
        this.accessKeys = accessKeys;
        this.sessionTokens = sessionTokens;
    }

    /** @param services the SigV4 service names this endpoint answers for, e.g. {@code iam} */
    public Authenticated authenticate(HttpRequestView request, Set<String> services) {
        SigV4Claim claim = verifier.parse(request);
        if (!services.contains(claim.scope().service())) {
            throw new IamException(ErrorCode.SIGNATURE_DOES_NOT_MATCH, "Credential should be scoped to correct service: "
                    + String.join(" or ", services.stream().sorted().map(s -> "'" + s + "'").toList()) + ". ");
        }
        if (claim.accessKeyId().startsWith(TEMPORARY_KEY_PREFIX)) {
            return new Authenticated(temporary(request, claim), claim);
        }
        AccessKeyService.ActiveKey active = accessKeys.activeKey(claim.accessKeyId())
                .orElseThrow(CallerAuthenticator::invalidToken);
        AccessKey key = active.key();
        verifier.verify(request, claim, active.secret());
        accessKeys.recordUse(key.accessKeyId(), claim.scope().service(), claim.scope().region());
        Caller caller = key.userId()
                .map(userId -> Caller.user(users.findById(userId).orElseThrow(CallerAuthenticator::invalidToken),
                        key.accessKeyId()))
                .orElseGet(() -> Caller.root(key.account(), key.accessKeyId()));
        return new Authenticated(caller, claim);
    }

    /**
     * Temporary credentials carry their session in the token: it must open (authentic, unexpired),
     * belong to the key id the request claims, and its secret must verify the signature. A user's
     * session ends with the user.
     */
    private Caller temporary(HttpRequestView request, SigV4Claim claim) {
        SessionToken token = sessionTokens.open(claim.sessionToken().orElseThrow(CallerAuthenticator::invalidToken));
        if (!MessageDigest.isEqual(token.accessKeyId().getBytes(StandardCharsets.US_ASCII),
                claim.accessKeyId().getBytes(StandardCharsets.US_ASCII))) {
            throw invalidToken();
        }
        verifier.verify(request, claim, token.secretAccessKey());
        Optional<User> user = Optional.empty();
        if (token.principal() instanceof SessionPrincipal.UserSession session) {
            user = Optional.of(users.findById(session.userId()).orElseThrow(CallerAuthenticator::invalidToken));
        }
        return Caller.session(token, user);
    }

    private static IamException invalidToken() {
        return new IamException(ErrorCode.INVALID_CLIENT_TOKEN_ID, "The security token included in the request is invalid.");
    }

    /** The caller and what its signature said (service and region of the credential scope). */
    public record Authenticated(Caller caller, SigV4Claim claim) {
    }
}
