package io.gatehouse.core.sigv4;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds IAM Query API requests for the verifier's tests and signs them with the verifier's own parts. */
final class TestRequests {

    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String SIGNED_AT = "20150830T123600Z";
    static final Instant SIGNED_AT_INSTANT = Instant.parse("2015-08-30T12:36:00Z");
    static final String CREDENTIAL = "AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request";
    static final String LIST_USERS = "Action=ListUsers&Version=2010-05-08";
    /** Stands for the signature until {@link #signed} computes it. */
    static final String PLACEHOLDER = "0000000000000000000000000000000000000000000000000000000000000000";

    private String method = "POST";
    private String path = "/";
    private String query = "";
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private String body = LIST_USERS;

    private TestRequests() {
        header("Host", "iam.amazonaws.com");
        header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        header("X-Amz-Date", SIGNED_AT);
    }

    /** A POST of ListUsers with an Authorization header over content-type, host and x-amz-date. */
    static TestRequests headerSigned() {
        return new TestRequests().header("Authorization", "AWS4-HMAC-SHA256 Credential=" + CREDENTIAL
                + ", SignedHeaders=content-type;host;x-amz-date, Signature=" + PLACEHOLDER);
    }

    /** A GET of ListUsers presigned for {@code expires} seconds over the host header. */
    static TestRequests presigned(String expires) {
        TestRequests request = new TestRequests().method("GET").body("").without("X-Amz-Date");
        return request.query(LIST_USERS + "&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
                + CREDENTIAL.replace("/", "%2F") + "&X-Amz-Date=" + SIGNED_AT + "&X-Amz-Expires=" + expires
                + "&X-Amz-SignedHeaders=host&X-Amz-Signature=" + PLACEHOLDER);
    }

    static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    TestRequests method(String value) {
        method = value;
        return this;
    }

    TestRequests query(String value) {
        query = value;
        return this;
    }

    TestRequests body(String value) {
        body = value;
        return this;
    }

    TestRequests header(String name, String value) {
        headers.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        return this;
    }

    TestRequests replaceHeader(String name, String value) {
        headers.put(name, new ArrayList<>(List.of(value)));
        return this;
    }

    TestRequests without(String name) {
        headers.remove(name);
        return this;
    }

    /** As built, placeholder signature included. */
    HttpRequestView unsigned() {
        return new HttpRequestView(method, path, query, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** With the placeholder replaced by the correct signature under {@link #SECRET}. */
    HttpRequestView signed() {
        HttpRequestView request = unsigned();
        SigV4Verifier verifier = new SigV4Verifier(clockAt(SIGNED_AT_INSTANT));
        SigV4Claim claim = verifier.parse(request);
        String canonical = verifier.canonicalRequest(request, claim, verifier.payloadHash(request, claim));
        String signature = SigV4Verifier.signature(SigV4Verifier.signingKey(SECRET, claim.scope()),
                SigV4Verifier.stringToSign(claim, canonical));
        Map<String, List<String>> signedHeaders = new LinkedHashMap<>();
        headers.forEach((name, values) -> signedHeaders.put(name,
                values.stream().map(v -> v.replace(PLACEHOLDER, signature)).toList()));
        return new HttpRequestView(method, path, query.replace(PLACEHOLDER, signature), signedHeaders,
                body.getBytes(StandardCharsets.UTF_8));
    }
}
