package io.gatehouse.core.sigv4;

import static io.gatehouse.core.error.ErrorCode.REQUEST_EXPIRED;
import static io.gatehouse.core.error.ErrorCode.SIGNATURE_DOES_NOT_MATCH;

import io.gatehouse.core.error.IamException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 (AWS4-HMAC-SHA256) on requests signed in the Authorization
 * header or presigned in the query string, as the AWS CLI and SDKs send them.
 *
 * <p>Two steps, because the secret is looked up by the access key id the request claims:
 * {@link #parse} reads the claim, the caller finds the key's secret, {@link #verify} checks it.
 * Checking that the scope names the right region and service is the caller's business.
 */
public final class SigV4Verifier {

    /** How far a header-signed request's time may be from ours, either way (AWS: 15 minutes). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(15);
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the"
            + " signature you provided. Check your AWS Secret Access Key and signing method."
            + " Consult the service documentation for details.";
    private static final HexFormat HEX = HexFormat.of();

    private final Clock clock;

    public SigV4Verifier(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What the request claims; needs no secret. Throws MissingAuthenticationToken or IncompleteSignature. */
    public SigV4Claim parse(HttpRequestView request) {
        return ClaimParser.parse(Objects.requireNonNull(request, "request"));
    }

    /** Accepts the request or throws RequestExpired or SignatureDoesNotMatch. */
    public void verify(HttpRequestView request, SigV4Claim claim, String secretAccessKey) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        checkTime(claim);
        if (!claim.scope().date().equals(claim.requestTime().atOffset(ZoneOffset.UTC).toLocalDate())) {
            throw new IamException(SIGNATURE_DOES_NOT_MATCH, "Credential should be scoped to a valid date:"
                    + " the credential scope " + claim.scope() + " does not match the request date "
                    + amzDate(claim.requestTime()) + ".");
        }
        String canonicalRequest = canonicalRequest(request, claim, payloadHash(request, claim));
        String expected = signature(signingKey(secretAccessKey, claim.scope()), stringToSign(claim, canonicalRequest));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                claim.signature().getBytes(StandardCharsets.UTF_8))) {
            throw new IamException(SIGNATURE_DOES_NOT_MATCH, SIGNATURE_MISMATCH);
        }
    }

    private void checkTime(SigV4Claim claim) {
        Instant now = clock.instant();
        Instant requestTime = claim.requestTime();
        if (requestTime.isAfter(now.plus(CLOCK_SKEW))) {
            throw new IamException(REQUEST_EXPIRED, "Signature not yet current: " + amzDate(requestTime)
                    + " is still later than " + amzDate(now.plus(CLOCK_SKEW)) + " (" + amzDate(now) + " + 15 min.)");
        }
        Optional<Duration> expires = claim.expires();
        if (claim.presigned() && expires.isPresent()) {
            if (now.isAfter(requestTime.plus(expires.get()))) {
                throw new IamException(REQUEST_EXPIRED, "Request has expired: signed at " + amzDate(requestTime)
                        + " for " + expires.get().toSeconds() + " seconds; it is now " + amzDate(now) + ".");
            }
        } else if (requestTime.isBefore(now.minus(CLOCK_SKEW))) {
            throw new IamException(REQUEST_EXPIRED, "Signature expired: " + amzDate(requestTime)
                    + " is now earlier than " + amzDate(now.minus(CLOCK_SKEW)) + " (" + amzDate(now) + " - 15 min.)");
        }
    }

    /**
     * The hex SHA-256 of the body, or the {@code x-amz-content-sha256} header when the client sent
     * one: it must then match the body, except that a presigned URL may leave the payload unsigned.
     */
    String payloadHash(HttpRequestView request, SigV4Claim claim) {
        String bodyHash = hex(sha256(request.body()));
        Optional<String> declared = request.firstHeader("x-amz-content-sha256").map(String::strip);
        if (declared.isEmpty()) {
            return bodyHash;
        }
        if (claim.presigned() && declared.get().equals(UNSIGNED_PAYLOAD)) {
            return UNSIGNED_PAYLOAD;
        }
        if (!declared.get().equals(bodyHash)) {
            throw new IamException(SIGNATURE_DOES_NOT_MATCH,
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        return bodyHash;
    }

    /** AWS's canonical request: method, URI, query, headers, signed header names, payload hash. */
    String canonicalRequest(HttpRequestView request, SigV4Claim claim, String payloadHash) {
        return request.method() + '\n'
                + Canonicalization.uri(request.rawPath()) + '\n'
                + Canonicalization.query(request.rawQuery(), claim.presigned()) + '\n'
                + Canonicalization.headers(request, claim.signedHeaders()) + '\n'
                + Canonicalization.signedHeaders(claim.signedHeaders()) + '\n'
                + payloadHash;
    }

    static String stringToSign(SigV4Claim claim, String canonicalRequest) {
        return ClaimParser.ALGORITHM + '\n'
                + amzDate(claim.requestTime()) + '\n'
                + claim.scope() + '\n'
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    /** kSigning = HMAC chain over date, region, service and "aws4_request", keyed by "AWS4" + secret. */
    static byte[] signingKey(String secretAccessKey, CredentialScope scope) {
        byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8),
                CredentialScope.DATE.format(scope.date()));
        key = hmac(key, scope.region());
        key = hmac(key, scope.service());
        return hmac(key, CredentialScope.TERMINATOR);
    }

    static String signature(byte[] signingKey, String stringToSign) {
        return hex(hmac(signingKey, stringToSign));
    }

    static String amzDate(Instant instant) {
        return ClaimParser.AMZ_DATE.format(instant.atOffset(ZoneOffset.UTC));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
