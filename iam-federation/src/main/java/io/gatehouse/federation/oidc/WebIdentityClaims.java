package io.gatehouse.federation.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The claim rules of {@code AssumeRoleWithWebIdentity}, applied to a token whose signature is
 * already verified: its validity window ({@code exp}, {@code nbf}, {@code iat}), its audience and
 * its subject.
 *
 * <p>Audience: when {@code aud} is present (a string or an array) it must contain one of the
 * provider's client ids; if it holds several and {@code azp} names one of them, that one is the
 * audience (OIDC Core §2: {@code azp} is the party the token was issued to). {@code azp} alone is
 * accepted only when {@code aud} is absent, as some providers' access tokens carry no {@code aud};
 * it never overrides an {@code aud} that names no registered client.
 */
final class WebIdentityClaims {

    private WebIdentityClaims() {
    }

    static VerifiedWebIdentity check(JWTClaimsSet claims, OidcProviderTrust provider, Instant now, Duration skew) {
        Instant expiresAt = required(claims.getExpirationTime(), "expiration time (exp)");
        if (now.isAfter(expiresAt.plus(skew))) {
            throw new IamException(ErrorCode.EXPIRED_TOKEN_EXCEPTION, "Token expired: current date/time "
                    + now.getEpochSecond() + " must be before the expiration date/time " + expiresAt.getEpochSecond());
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(skew).isBefore(notBefore.toInstant())) {
            throw invalid("Token is not yet valid: current date/time " + now.getEpochSecond()
                    + " must not be before the not-before date/time " + notBefore.toInstant().getEpochSecond());
        }
        Instant issuedAt = required(claims.getIssueTime(), "issue time (iat)");
        if (issuedAt.isAfter(now.plus(skew))) {
            throw invalid("Token issued in the future: issue date/time " + issuedAt.getEpochSecond()
                    + " is after the current date/time " + now.getEpochSecond());
        }
        String audience = audience(claims, provider).orElseThrow(() -> invalid("Incorrect token audience"));
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw invalid("The web identity token has no subject (sub)");
        }
        return new VerifiedWebIdentity(provider, claims.getIssuer(), subject, audience, amr(claims),
                issuedAt, expiresAt, claims.getClaims());
    }

    private static Optional<String> audience(JWTClaimsSet claims, OidcProviderTrust provider) {
        String authorizedParty = claims.getClaim("azp") instanceof String azp ? azp : null;
        if (claims.getClaim("aud") == null) {
            return Optional.ofNullable(authorizedParty).filter(provider::hasClientId);
        }
        List<String> audiences = claims.getAudience();
        if (authorizedParty != null && audiences.contains(authorizedParty) && provider.hasClientId(authorizedParty)) {
            return Optional.of(authorizedParty);
        }
        return audiences.stream().filter(provider::hasClientId).findFirst();
    }

    private static List<String> amr(JWTClaimsSet claims) {
        Object amr = claims.getClaim("amr");
        if (amr instanceof String method) {
            return List.of(method);
        }
        if (amr instanceof List<?> methods) {
            return methods.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

    private static Instant required(Date date, String claim) {
        if (date == null) {
            throw invalid("The web identity token has no " + claim);
        }
        return date.toInstant();
    }

    static IamException invalid(String message) {
        return new IamException(ErrorCode.INVALID_IDENTITY_TOKEN, message);
    }
}
