package io.gatehouse.it;

import com.nimbusds.jose.util.JSONObjectUtils;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Plain HTTP to the test server as a browser or a JSON API client would send it: the JSON API with
 * the bootstrap administrator's bearer token, and form posts with an optional cookie.
 */
final class JsonApiCalls {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String token;

    private JsonApiCalls() {
    }

    /** The administrator's bearer token, from a SigV4-signed sign-in, made once per test JVM. */
    static synchronized String adminToken() {
        if (token == null) {
            SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST)
                    .uri(GatehouseServer.endpoint().resolve("/api/v1/sessions")).build();
            HttpResponse<String> response = SignedHttp.send(SignedHttp.sign(request, "",
                    AwsCredentialsIdentity.create(GatehouseServer.adminAccessKeyId(), GatehouseServer.adminSecret()),
                    "sts"), "");
            assertEquals(200, response.statusCode(), response.body());
            try {
                token = (String) JSONObjectUtils.parse(response.body()).get("token");
            } catch (ParseException e) {
                throw new AssertionError(response.body(), e);
            }
        }
        return token;
    }

    /** A JSON API call as the administrator; {@code body} null for none. */
    static HttpResponse<String> rest(String method, String path, String body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return send(HttpRequest.newBuilder(GatehouseServer.endpoint().resolve(path))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json").method(method, publisher).build());
    }

    /** A form post, as a browser sends it; {@code cookie} null for none. */
    static HttpResponse<String> postForm(String path, String form, String accept, String cookie) {
        HttpRequest.Builder request = HttpRequest.newBuilder(GatehouseServer.endpoint().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
