package io.gatehouse.core.sigv4;

import static io.gatehouse.core.sigv4.TestRequests.CREDENTIAL;
import static io.gatehouse.core.sigv4.TestRequests.PLACEHOLDER;
import static io.gatehouse.core.sigv4.TestRequests.SIGNED_AT_INSTANT;
import static io.gatehouse.core.sigv4.TestRequests.clockAt;
import static io.gatehouse.core.sigv4.TestRequests.headerSigned;
import static io.gatehouse.core.sigv4.TestRequests.presigned;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@link SigV4Verifier#parse} reads from a request, and the malformed requests it refuses. */
class SigV4ParseTest {

    private final SigV4Verifier verifier = new SigV4Verifier(clockAt(SIGNED_AT_INSTANT));

    @Test
    void readsTheClaimOfAnAuthorizationHeader() {
        SigV4Claim claim = verifier.parse(headerSigned().unsigned());

        assertEquals("AKIDEXAMPLE", claim.accessKeyId());
        assertEquals(new CredentialScope(LocalDate.of(2015, 8, 30), "us-east-1", "iam"), claim.scope());
        assertEquals(List.of("content-type", "host", "x-amz-date"), claim.signedHeaders());
        assertEquals(PLACEHOLDER, claim.signature());
        assertEquals(SIGNED_AT_INSTANT, claim.requestTime());
        assertEquals(Optional.empty(), claim.sessionToken());
        assertFalse(claim.presigned());
        assertEquals(Optional.empty(), claim.expires());
    }

    @Test
    void readsTheClaimOfAPresignedQuery() {
        SigV4Claim claim = verifier.parse(presigned("300").query(presigned("300").unsigned().rawQuery()
                + "&X-Amz-Security-Token=to%2Bken").unsigned());

        assertTrue(claim.presigned());
        assertEquals(Optional.of(Duration.ofSeconds(300)), claim.expires());
        assertEquals("iam", claim.scope().service());
        assertEquals(List.of("host"), claim.signedHeaders());
        assertEquals(Optional.of("to+ken"), claim.sessionToken());
    }

    @Test
    void readsTheSessionTokenHeader() {
        SigV4Claim claim = verifier.parse(headerSigned().header("X-Amz-Security-Token", "token").unsigned());

        assertEquals(Optional.of("token"), claim.sessionToken());
    }

    @Test
    void takesTheRequestTimeFromTheDateHeaderWithoutXAmzDate() {
        HttpRequestView request = headerSigned().without("X-Amz-Date")
                .header("Date", "Sun, 30 Aug 2015 12:36:00 GMT")
                .replaceHeader("Authorization", "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL
                        + ", SignedHeaders=date;host, Signature=" + PLACEHOLDER).unsigned();

        assertEquals(SIGNED_AT_INSTANT, verifier.parse(request).requestTime());
    }

    @Test
    void rendersTheScopeAsInTheCredential() {
        assertEquals("20150830/us-east-1/iam/aws4_request",
                new CredentialScope(LocalDate.of(2015, 8, 30), "us-east-1", "iam").toString());
    }

    @Test
    void missingAuthenticationTokenWithoutHeaderOrQuery() {
        IamException e = refused(headerSigned().without("Authorization"));

        assertEquals(ErrorCode.MISSING_AUTHENTICATION_TOKEN, e.code());
        assertEquals("Request is missing Authentication Token", e.getMessage());
    }

    @Test
    void incompleteWhenTheAlgorithmIsNotAws4HmacSha256() {
        assertIncomplete(authorization("AWS4-HMAC-SHA1 Credential=" + CREDENTIAL
                + ", SignedHeaders=host;x-amz-date, Signature=" + PLACEHOLDER), "'AWS4-HMAC-SHA1'");
    }

    @Test
    void incompleteWhenThePresignedAlgorithmIsNotAws4HmacSha256() {
        String query = presigned("300").unsigned().rawQuery().replace("AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256");

        assertIncomplete(presigned("300").query(query), "'AWS4-ECDSA-P256-SHA256'");
    }

    @Test
    void incompleteWhenCredentialIsMissing() {
        assertIncomplete(authorization("AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date, Signature=" + PLACEHOLDER),
                "Authorization header requires 'Credential' parameter.");
    }

    @Test
    void incompleteWhenSignatureIsMissing() {
        assertIncomplete(authorization("AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders=host;x-amz-date"),
                "Authorization header requires 'Signature' parameter.");
    }

    @Test
    void incompleteWhenSignedHeadersIsMissing() {
        assertIncomplete(authorization("AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", Signature=" + PLACEHOLDER),
                "Authorization header requires 'SignedHeaders' parameter.");
    }

    @Test
    void incompleteWhenAComponentIsNotKeyValue() {
        assertIncomplete(authorization("AWS4-HMAC-SHA256 Credential=" + CREDENTIAL + ", SignedHeaders, Signature=x"),
                "key=value");
    }

    @Test
    void incompleteWhenTheCredentialHasTooFewElements() {
        assertIncomplete(authorization("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam,"
                + " SignedHeaders=host;x-amz-date, Signature=" + PLACEHOLDER), "exactly 5 slash-delimited elements");
    }

    @Test
    void incompleteWhenTheCredentialHasTheWrongTerminator() {
        assertIncomplete(authorization("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4,"
                + " SignedHeaders=host;x-amz-date, Signature=" + PLACEHOLDER), "'aws4_request', not 'aws4'");
    }

    @Test
    void incompleteWhenTheCredentialDateIsNotADate() {
        assertIncomplete(authorization("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/2015-08-30/us-east-1/iam/aws4_request,"
                + " SignedHeaders=host;x-amz-date, Signature=" + PLACEHOLDER), "'2015-08-30'");
    }

    @Test
    void incompleteWithoutXAmzDateOrDate() {
        assertIncomplete(headerSigned().without("X-Amz-Date"), "either a 'X-Amz-Date' or a 'Date' header");
    }

    @Test
    void incompleteWhenXAmzDateIsNotBasicIso8601() {
        assertIncomplete(headerSigned().replaceHeader("X-Amz-Date", "2015-08-30T12:36:00Z"), "ISO-8601 'basic format'");
    }

    @Test
    void incompleteWhenHostIsNotSigned() {
        assertIncomplete(authorization("AWS4-HMAC-SHA256 Credential=" + CREDENTIAL
                + ", SignedHeaders=content-type;x-amz-date, Signature=" + PLACEHOLDER), "'Host'");
    }

    @Test
    void incompleteWhenASignedHeaderIsAbsent() {
        assertIncomplete(headerSigned().without("Content-Type"), "'content-type'");
    }

    @Test
    void incompleteWithBothAnAuthorizationHeaderAndAPresignedQuery() {
        assertIncomplete(presigned("300").header("Authorization", "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL
                + ", SignedHeaders=host, Signature=" + PLACEHOLDER), "Only one auth mechanism");
    }

    @Test
    void incompleteWhenAPresignedParameterIsMissing() {
        String query = presigned("300").unsigned().rawQuery().replace("&X-Amz-Expires=300", "");

        assertIncomplete(presigned("300").query(query), "'X-Amz-Expires'");
    }

    @Test
    void incompleteWhenXAmzExpiresIsZero() {
        assertIncomplete(presigned("0"), "X-Amz-Expires must be between 1 and 604800");
    }

    @Test
    void incompleteWhenXAmzExpiresExceedsAWeek() {
        assertIncomplete(presigned("604801"), "X-Amz-Expires must be between 1 and 604800");
    }

    @Test
    void incompleteWhenXAmzExpiresIsNotANumber() {
        assertIncomplete(presigned("soon"), "'soon'");
    }

    @Test
    void acceptsXAmzExpiresOfExactlyAWeek() {
        assertEquals(Optional.of(Duration.ofDays(7)), verifier.parse(presigned("604800").unsigned()).expires());
    }

    private static TestRequests authorization(String value) {
        return headerSigned().replaceHeader("Authorization", value);
    }

    private IamException refused(TestRequests request) {
        return assertThrows(IamException.class, () -> verifier.parse(request.unsigned()));
    }

    private void assertIncomplete(TestRequests request, String messagePart) {
        IamException e = refused(request);
        assertEquals(ErrorCode.INCOMPLETE_SIGNATURE, e.code());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }
}
