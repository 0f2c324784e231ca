package io.gatehouse.core.sts;

import io.gatehouse.core.identity.Tag;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a temporary credential carries inside its session token: the key pair the caller signs with,
 * who the session is, when it was issued and expires, whether MFA was used, and what narrows or
 * describes its permissions (session policies, session tags, source identity). Nothing here is
 * looked up again from a store, which is what lets any node accept the token.
 *
 * @param mfaAuthenticatedAt when MFA was presented to obtain the session; sets
 *                           {@code aws:MultiFactorAuthPresent} and {@code aws:MultiFactorAuthAge}
 * @param sessionPolicy      the inline session policy, if any; the session's permissions are the
 *                           intersection of the principal's and the session policies
 * @param sessionPolicyArns  managed session policies, read at evaluation time like attached ones
 * @param roleChained        issued to a role session (AWS caps chained sessions at one hour and
 *                           carries transitive tags forward)
 */
public record SessionToken(String accessKeyId, String secretAccessKey, SessionPrincipal principal,
                           Instant issuedAt, Instant expiration, Optional<Instant> mfaAuthenticatedAt,
                           Optional<String> sessionPolicy, List<String> sessionPolicyArns, List<Tag> tags,
                           Set<String> transitiveTagKeys, Optional<String> sourceIdentity, boolean roleChained) {

    public SessionToken {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(principal, "principal");
        // Whole seconds: what the token and AWS's responses carry, so a token reads back equal.
        issuedAt = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        expiration = expiration.truncatedTo(ChronoUnit.SECONDS);
        mfaAuthenticatedAt = mfaAuthenticatedAt.map(at -> at.truncatedTo(ChronoUnit.SECONDS));
        Objects.requireNonNull(sessionPolicy, "sessionPolicy");
        sessionPolicyArns = List.copyOf(sessionPolicyArns);
        tags = List.copyOf(tags);
        transitiveTagKeys = Set.copyOf(transitiveTagKeys);
        Objects.requireNonNull(sourceIdentity, "sourceIdentity");
        if (!expiration.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a session must expire after it is issued");
        }
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiration);
    }

    /** Names the session, never shows its secret. */
    @Override
    public String toString() {
        return "SessionToken[" + accessKeyId + " for " + principal.arn() + " until " + expiration + "]";
    }
}
