package io.gatehouse.it;

import com.nimbusds.jose.util.JSONObjectUtils;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AWS Organizations over its JSON 1.1 protocol, each request signed by the AWS SDK's SigV4 signer. */
record OrganizationsCalls(URI endpoint, AwsCredentials credentials) {

    HttpResponse<String> call(String action, Map<String, Object> request) {
        String body = JSONObjectUtils.toJSONString(request);
        SdkHttpRequest http = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AWSOrganizationsV20161128." + action)
                .build();
        AwsCredentialsIdentity identity = credentials instanceof AwsSessionCredentials session
                ? AwsSessionCredentialsIdentity.create(session.accessKeyId(), session.secretAccessKey(), session.sessionToken())
                : AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey());
        return SignedHttp.send(SignedHttp.sign(http, body, identity, "organizations"), body);
    }

    /** The answer of a call that must succeed. */
    Map<String, Object> ok(String action, Map<String, Object> request) {
        HttpResponse<String> response = call(action, request);
        assertEquals(200, response.statusCode(), action + ": " + response.body());
        return parse(response.body());
    }

    /** The {@code __type} of a call that must fail. */
    String error(String action, Map<String, Object> request) {
        HttpResponse<String> response = call(action, request);
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, action + ": " + response.body());
        String type = (String) parse(response.body()).get("__type");
        assertEquals(type, response.headers().firstValue("x-amzn-ErrorType").orElse(null));
        return type;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> json, String member) {
        return (Map<String, Object>) json.get(member);
    }

    private static Map<String, Object> parse(String body) {
        try {
            return JSONObjectUtils.parse(body);
        } catch (java.text.ParseException e) {
            throw new AssertionError("not a JSON object: " + body, e);
        }
    }
}
