package io.gatehouse.core.sigv4;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** Requests signed by the AWS SDK for Java's own SigV4 signer, as the IAM Query API receives them. */
class AwsSdkSignerCrossCheckTest {

    private static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String LIST_USERS = "Action=ListUsers&Version=2010-05-08";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:20:30Z"), ZoneOffset.UTC);

    private final SigV4Verifier verifier = new SigV4Verifier(CLOCK);

    @Test
    void acceptsAnSdkSignedQueryApiPost() {
        HttpRequestView request = sign(post("https://iam.amazonaws.com/"), LIST_USERS,
                AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET), AuthLocation.HEADER);

        SigV4Claim claim = verifier.parse(request);

        assertEquals(ACCESS_KEY_ID, claim.accessKeyId());
        assertEquals("20260301/us-east-1/iam/aws4_request", claim.scope().toString());
        assertDoesNotThrow(() -> verifier.verify(request, claim, SECRET));
    }

    @Test
    void acceptsAnSdkSignedPostToALocalEndpointWithAPort() {
        HttpRequestView request = sign(post("http://localhost:9080/"), LIST_USERS,
                AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET), AuthLocation.HEADER);

        assertDoesNotThrow(() -> verifier.verify(request, verifier.parse(request), SECRET));
    }

    @Test
    void acceptsAnSdkSignedPostWithASessionToken() {
        HttpRequestView request = sign(post("https://iam.amazonaws.com/"), LIST_USERS,
                AwsSessionCredentialsIdentity.create("ASIAIOSFODNN7EXAMPLE", SECRET, "session-token/+="),
                AuthLocation.HEADER);

        SigV4Claim claim = verifier.parse(request);

        assertEquals(Optional.of("session-token/+="), claim.sessionToken());
        assertDoesNotThrow(() -> verifier.verify(request, claim, SECRET));
    }

    @Test
    void acceptsAnSdkPresignedPost() {
        HttpRequestView request = sign(post("https://iam.amazonaws.com/"), LIST_USERS,
                AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET), AuthLocation.QUERY_STRING);

        SigV4Claim claim = verifier.parse(request);

        assertTrue(claim.presigned());
        assertEquals(Optional.of(Duration.ofMinutes(5)), claim.expires());
        assertDoesNotThrow(() -> verifier.verify(request, claim, SECRET));
    }

    @Test
    void acceptsAnSdkPresignedGetWithQueryParameters() {
        SdkHttpRequest get = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("https://iam.amazonaws.com/"))
                .putRawQueryParameter("Action", "GetUser").putRawQueryParameter("Version", "2010-05-08")
                .putRawQueryParameter("UserName", "Zoë O'Brien+co").build();
        HttpRequestView request = sign(get, "", AwsSessionCredentialsIdentity.create(ACCESS_KEY_ID, SECRET, "tok/en+="),
                AuthLocation.QUERY_STRING);

        assertDoesNotThrow(() -> verifier.verify(request, verifier.parse(request), SECRET));
    }

    @Test
    void acceptsAnSdkSignedRequestToAnEncodedPath() {
        SdkHttpRequest get = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("https://iam.amazonaws.com/a%20b/%E1%88%B4/./c/"))
                .putRawQueryParameter("Action", "ListUsers").build();

        HttpRequestView request = sign(get, "", AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET), AuthLocation.HEADER);

        assertDoesNotThrow(() -> verifier.verify(request, verifier.parse(request), SECRET));
    }

    @Test
    void rejectsAnSdkSignedPostWhoseBodyWasChanged() {
        HttpRequestView signed = sign(post("https://iam.amazonaws.com/"), LIST_USERS,
                AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET), AuthLocation.HEADER);
        HttpRequestView changed = new HttpRequestView(signed.method(), signed.rawPath(), signed.rawQuery(),
                signed.headers(), "Action=DeleteUser&Version=2010-05-08&UserName=alice".getBytes(StandardCharsets.UTF_8));

        IamException e = assertThrows(IamException.class, () -> verifier.verify(changed, verifier.parse(changed), SECRET));

        assertEquals(ErrorCode.SIGNATURE_DOES_NOT_MATCH, e.code());
    }

    private static SdkHttpRequest post(String endpoint) {
        return SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(URI.create(endpoint))
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").build();
    }

    private static HttpRequestView sign(SdkHttpRequest unsigned, String body, AwsCredentialsIdentity identity,
                                        AuthLocation location) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> {
            r.identity(identity)
                .request(unsigned)
                .payload(bytes.length == 0 ? null : ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "iam")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, location)
                .putProperty(HttpSigner.SIGNING_CLOCK, CLOCK);
            if (location == AuthLocation.QUERY_STRING) {
                r.putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(5));
            }
        });
        SdkHttpRequest request = signed.request();
        URI uri = request.getUri();
        byte[] sentBody = signed.payload().map(AwsSdkSignerCrossCheckTest::readAll).orElse(bytes);
        return new HttpRequestView(request.method().name(), uri.getRawPath(),
                uri.getRawQuery() == null ? "" : uri.getRawQuery(), request.headers(), sentBody);
    }

    private static byte[] readAll(ContentStreamProvider provider) {
        try (InputStream in = provider.newStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
