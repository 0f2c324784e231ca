package io.gatehouse.it;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Raw HTTP requests signed by the AWS SDK's own SigV4 signer: for the cases an SDK client cannot
 * produce (a clock in the past, a presigned URL, a tampered body, no signature at all).
 */
final class SignedHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SignedHttp() {
    }

    static SdkHttpRequest formPost(URI endpoint, String body) {
        return SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .build();
    }

    static SdkHttpRequest sign(SdkHttpRequest request, String body, String keyId, String secret, Clock clock) {
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(keyId, secret))
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "iam")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
        return signed.request();
    }

    /** Signs for another SigV4 service with any identity, session credentials included. */
    static SdkHttpRequest sign(SdkHttpRequest request, String body,
                               software.amazon.awssdk.identity.spi.AwsCredentialsIdentity identity, String service) {
        return AwsV4HttpSigner.create().sign(r -> r
                .identity(identity)
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
    }

    static SdkHttpRequest presign(URI url, String keyId, String secret, Clock clock, Duration expiry) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(url).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(keyId, secret))
                .request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "iam")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expiry));
        return signed.request();
    }

    /** Sends the request as signed; {@code body} may differ from what was signed, to test tampering. */
    static HttpResponse<String> send(SdkHttpRequest request, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request.getUri());
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("host") && !header.getKey().equalsIgnoreCase("content-length")) {
                header.getValue().forEach(value -> builder.header(header.getKey(), value));
            }
        }
        builder.method(request.method().name(), body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The {@code <Code>} of an AWS error response. */
    static String errorCode(HttpResponse<String> response) {
        String body = response.body();
        int start = body.indexOf("<Code>");
        int end = body.indexOf("</Code>");
        return start < 0 || end < 0 ? "(no error code in: " + body + ")" : body.substring(start + 6, end);
    }
}
