package io.gatehouse.core.sigv4;

import static io.gatehouse.core.sigv4.TestRequests.SECRET;
import static io.gatehouse.core.sigv4.TestRequests.SIGNED_AT_INSTANT;
import static io.gatehouse.core.sigv4.TestRequests.clockAt;
import static io.gatehouse.core.sigv4.TestRequests.headerSigned;
import static io.gatehouse.core.sigv4.TestRequests.presigned;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The checks {@link SigV4Verifier#verify} makes once the secret is known. */
class SigV4VerifyTest {

    @Test
    void acceptsAHeaderSignedRequest() {
        assertAccepted(headerSigned().signed(), SIGNED_AT_INSTANT);
    }

    @Test
    void acceptsAHeaderSignedRequestFifteenMinutesOld() {
        assertAccepted(headerSigned().signed(), SIGNED_AT_INSTANT.plus(Duration.ofMinutes(15)));
    }

    @Test
    void requestExpiredWhenSignedMoreThanFifteenMinutesAgo() {
        IamException e = refusedAt(headerSigned().signed(), SIGNED_AT_INSTANT.plus(Duration.ofMinutes(15).plusSeconds(1)));

        assertEquals(ErrorCode.REQUEST_EXPIRED, e.code());
        assertEquals("Signature expired: 20150830T123600Z is now earlier than 20150830T123601Z"
                + " (20150830T125101Z - 15 min.)", e.getMessage());
    }

    @Test
    void requestExpiredWhenSignedMoreThanFifteenMinutesAhead() {
        IamException e = refusedAt(headerSigned().signed(), SIGNED_AT_INSTANT.minus(Duration.ofMinutes(16)));

        assertEquals(ErrorCode.REQUEST_EXPIRED, e.code());
        assertTrue(e.getMessage().startsWith("Signature not yet current: 20150830T123600Z"), e.getMessage());
    }

    @Test
    void acceptsAPresignedRequestUntilItExpires() {
        assertAccepted(presigned("300").signed(), SIGNED_AT_INSTANT.plusSeconds(300));
    }

    @Test
    void acceptsAPresignedRequestLongerThanFifteenMinutesWhenItsExpiryAllows() {
        assertAccepted(presigned("3600").signed(), SIGNED_AT_INSTANT.plus(Duration.ofMinutes(50)));
    }

    @Test
    void requestExpiredAfterThePresignedExpiry() {
        IamException e = refusedAt(presigned("300").signed(), SIGNED_AT_INSTANT.plusSeconds(301));

        assertEquals(ErrorCode.REQUEST_EXPIRED, e.code());
    }

    @Test
    void requestExpiredWhenPresignedMoreThanFifteenMinutesAhead() {
        IamException e = refusedAt(presigned("3600").signed(), SIGNED_AT_INSTANT.minus(Duration.ofMinutes(16)));

        assertEquals(ErrorCode.REQUEST_EXPIRED, e.code());
    }

    @Test
    void signatureDoesNotMatchWhenTheScopeDateIsNotTheRequestDate() {
        HttpRequestView request = headerSigned().replaceHeader("X-Amz-Date", "20150831T003600Z").signed();

        IamException e = refusedAt(request, Instant.parse("2015-08-31T00:36:00Z"));

        assertEquals(ErrorCode.SIGNATURE_DOES_NOT_MATCH, e.code());
        assertTrue(e.getMessage().contains("20150830/us-east-1/iam/aws4_request"), e.getMessage());
    }

    @Test
    void signatureDoesNotMatchWithAnotherSecret() {
        HttpRequestView request = headerSigned().signed();
        SigV4Verifier verifier = new SigV4Verifier(clockAt(SIGNED_AT_INSTANT));

        IamException e = assertThrows(IamException.class,
                () -> verifier.verify(request, verifier.parse(request), "another-secret"));

        assertEquals(ErrorCode.SIGNATURE_DOES_NOT_MATCH, e.code());
        assertTrue(e.getMessage().startsWith("The request signature we calculated does not match"), e.getMessage());
    }

    @Test
    void theMismatchMessageNamesNeitherTheSecretNorTheExpectedSignature() {
        HttpRequestView good = headerSigned().signed();
        String expected = new SigV4Verifier(clockAt(SIGNED_AT_INSTANT)).parse(good).signature();

        IamException e = refusedAt(headerSigned().unsigned(), SIGNED_AT_INSTANT);

        assertFalse(e.getMessage().contains(expected));
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void acceptsAMatchingContentSha256Header() {
        HttpRequestView request = headerSigned().header("x-amz-content-sha256",
                "b6359072c78d70ebee1e81adcbab4f01bf2c23245fa365ef83fe8f1f955085e2").signed();

        assertAccepted(request, SIGNED_AT_INSTANT);
    }

    @Test
    void signatureDoesNotMatchWhenTheContentSha256HeaderIsNotTheBodysHash() {
        HttpRequestView request = headerSigned().header("x-amz-content-sha256",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855").unsigned();

        IamException e = refusedAt(request, SIGNED_AT_INSTANT);

        assertEquals(ErrorCode.SIGNATURE_DOES_NOT_MATCH, e.code());
        assertTrue(e.getMessage().contains("x-amz-content-sha256"), e.getMessage());
    }

    @Test
    void acceptsAnUnsignedPayloadWhenPresigned() {
        HttpRequestView request = presigned("300").body("anything").header("X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD").signed();

        assertAccepted(request, SIGNED_AT_INSTANT);
    }

    @Test
    void refusesAnUnsignedPayloadInTheAuthorizationHeaderForm() {
        IamException e = refusedAt(headerSigned().header("x-amz-content-sha256", "UNSIGNED-PAYLOAD").unsigned(),
                SIGNED_AT_INSTANT);

        assertEquals(ErrorCode.SIGNATURE_DOES_NOT_MATCH, e.code());
    }

    @Test
    void signatureDoesNotMatchWhenAnUnsignedQueryParameterIsAdded() {
        HttpRequestView request = headerSigned().signed();
        HttpRequestView changed = new HttpRequestView(request.method(), request.rawPath(), "UserName=mallory",
                request.headers(), request.body());

        assertEquals(ErrorCode.SIGNATURE_DOES_NOT_MATCH, refusedAt(changed, SIGNED_AT_INSTANT).code());
    }

    private static void assertAccepted(HttpRequestView request, Instant now) {
        SigV4Verifier verifier = new SigV4Verifier(clockAt(now));
        assertDoesNotThrow(() -> verifier.verify(request, verifier.parse(request), SECRET));
    }

    private static IamException refusedAt(HttpRequestView request, Instant now) {
        SigV4Verifier verifier = new SigV4Verifier(clockAt(now));
        return assertThrows(IamException.class, () -> verifier.verify(request, verifier.parse(request), SECRET));
    }
}
