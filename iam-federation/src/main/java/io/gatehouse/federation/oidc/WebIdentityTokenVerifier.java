package io.gatehouse.federation.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;

import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static io.gatehouse.federation.oidc.WebIdentityClaims.invalid;

/**
 * Verifies the {@code WebIdentityToken} of {@code AssumeRoleWithWebIdentity}: an OpenID Connect ID
 * token, or an OAuth access token that is a JWT, from a registered provider. The token is found a
 * provider by its issuer, its signature is checked with a key the provider publishes (fetching
 * again once when the key is unknown, for key rotation), then its claims are checked
 * ({@link WebIdentityClaims}). Every refusal is an {@link IamException} with AWS's code; tokens
 * are never logged or quoted in messages.
 *
 * <p>The default clock skew is 60 seconds: enough for hosts kept in time by NTP, while a larger
 * allowance (Kerberos's 5 minutes) would stretch the life of a stolen token, typically issued for
 * 5 to 60 minutes, by a large share. AWS itself allows little or none.
 */
public final class WebIdentityTokenVerifier {

    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    /** AWS's length constraint on {@code WebIdentityToken}. */
    public static final int MIN_TOKEN_LENGTH = 4;
    public static final int MAX_TOKEN_LENGTH = 20_000;

    /** Asymmetric signatures only: never {@code none}, never HMAC, whose "key" would be public. */
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    /** ID tokens ({@code JWT} or no type) and RFC 9068 access tokens; not logout or other JWTs. */
    private static final DefaultJOSEObjectTypeVerifier<SecurityContext> TYPES = new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"), null);

    private static final int MAX_QUOTED_ISSUER = 256;

    private final JwksSource jwks;
    private final Clock clock;
    private final Duration clockSkew;

    public WebIdentityTokenVerifier(JwksSource jwks, Clock clock, Duration clockSkew) {
        this.jwks = Objects.requireNonNull(jwks, "jwks");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("clock skew must not be negative");
        }
    }

    public WebIdentityTokenVerifier(JwksSource jwks, Clock clock) {
        this(jwks, clock, DEFAULT_CLOCK_SKEW);
    }

    public VerifiedWebIdentity verify(String token, OidcProviders providers) {
        Objects.requireNonNull(providers, "providers");
        SignedJWT jwt = signed(token);
        String issuer = issuer(jwt);
        OidcProviderTrust provider = providers.byIssuer(issuer).orElseThrow(() ->
                invalid("No OpenIDConnect provider found in your account for " + quoted(issuer)));
        ProviderKeys keys = jwks.keys(provider);
        List<Key> candidates = candidates(jwt.getHeader(), keys);
        if (candidates.isEmpty()) {
            keys = jwks.refetch(provider, keys);
            candidates = candidates(jwt.getHeader(), keys);
        }
        if (!keys.declaredIssuer().equals(issuer)) {
            throw invalid("The token's issuer " + quoted(issuer) + " differs from the issuer "
                    + quoted(keys.declaredIssuer()) + " its provider's discovery document declares");
        }
        if (candidates.isEmpty()) {
            throw invalid(jwt.getHeader().getKeyID() == null
                    ? "No key published by " + provider.issuer() + " fits the token's algorithm " + jwt.getHeader().getAlgorithm()
                    : "The token's signing key " + quoted(jwt.getHeader().getKeyID()) + " is not published by " + provider.issuer());
        }
        return WebIdentityClaims.check(verifiedClaims(jwt, candidates), provider, clock.instant(), clockSkew);
    }

    private static SignedJWT signed(String token) {
        if (token == null || token.length() < MIN_TOKEN_LENGTH || token.length() > MAX_TOKEN_LENGTH) {
            throw IamException.validation("1 validation error detected: Value at 'webIdentityToken' failed to satisfy "
                    + "constraint: Member must have length between " + MIN_TOKEN_LENGTH + " and " + MAX_TOKEN_LENGTH);
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw invalid("The web identity token is not a valid JWT");
        }
        if (jwt instanceof PlainJWT) {
            throw invalid("The web identity token is unsigned (alg none); it must be signed");
        }
        if (jwt instanceof EncryptedJWT) {
            throw invalid("Encrypted web identity tokens (JWE) are not supported; send the signed token");
        }
        SignedJWT signed = (SignedJWT) jwt;
        JWSAlgorithm algorithm = signed.getHeader().getAlgorithm();
        if (!ALGORITHMS.contains(algorithm)) {
            throw invalid("The web identity token is signed with " + algorithm
                    + "; only RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 and ES512 are accepted");
        }
        return signed;
    }

    private static String issuer(SignedJWT jwt) {
        String issuer;
        try {
            issuer = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw invalid("The web identity token's claims are not a valid JSON object");
        }
        if (issuer == null || issuer.isBlank()) {
            throw invalid("The web identity token has no issuer (iss)");
        }
        return issuer;
    }

    /** The provider's keys that fit the header: its {@code kid} if named, key type, algorithm, use. */
    private static List<Key> candidates(JWSHeader header, ProviderKeys keys) {
        try {
            return new JWSVerificationKeySelector<>(ALGORITHMS, new ImmutableJWKSet<SecurityContext>(keys.keys()))
                    .selectJWSKeys(header, null);
        } catch (com.nimbusds.jose.KeySourceException e) {
            throw new IamException(ErrorCode.IDP_COMMUNICATION_ERROR, "The provider's keys could not be read", e);
        }
    }

    private static JWTClaimsSet verifiedClaims(SignedJWT jwt, List<Key> candidates) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(TYPES);
        processor.setJWSKeySelector((header, context) -> candidates);
        // Claims are checked afterwards with AWS's error codes and messages.
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        try {
            return processor.process(jwt, null);
        } catch (BadJWSException e) {
            throw invalid("The web identity token's signature is invalid");
        } catch (BadJOSEException e) {
            throw invalid("The web identity token was refused: its type " + jwt.getHeader().getType()
                    + " is not an ID token or an access token");
        } catch (JOSEException e) {
            throw invalid("The web identity token's signature could not be verified");
        }
    }

    private static String quoted(String untrusted) {
        return untrusted.length() <= MAX_QUOTED_ISSUER ? untrusted : untrusted.substring(0, MAX_QUOTED_ISSUER) + "...";
    }
}
