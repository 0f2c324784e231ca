package io.gatehouse.federation.keycloak;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;

/**
 * The realm's public documents, read over HTTP with a deadline and a size cap: its SAML IdP
 * descriptor and its OpenID configuration (for the issuer as Keycloak states it, which a
 * front-end hostname setting may make differ from the admin URL).
 */
final class RealmEndpoints {

    /** Descriptors and discovery documents are a few kilobytes. */
    static final int MAX_DOCUMENT_BYTES = 512 * 1024;

    private final HttpClient client;
    private final Duration timeout;

    RealmEndpoints(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    String samlDescriptor(KeycloakRealm realm) {
        return get(realm.samlDescriptorUrl(), "application/samlmetadata+xml, application/xml");
    }

    String issuer(KeycloakRealm realm) {
        URI uri = realm.openIdConfigurationUrl();
        Map<String, Object> configuration;
        try {
            configuration = JSONObjectUtils.parse(get(uri, "application/json"));
        } catch (ParseException e) {
            throw failure(uri, "did not return a JSON object");
        }
        if (!(configuration.get("issuer") instanceof String issuer) || issuer.isBlank()) {
            throw failure(uri, "names no issuer");
        }
        return issuer;
    }

    private String get(URI uri, String accept) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", accept).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw failure(uri, "could not be reached (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(uri, "was interrupted");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw failure(uri, "answered HTTP " + response.statusCode()
                        + (response.statusCode() == 404 ? " (is the realm name right?)" : ""));
            }
            byte[] bytes = body.readNBytes(MAX_DOCUMENT_BYTES + 1);
            if (bytes.length > MAX_DOCUMENT_BYTES) {
                throw failure(uri, "answered with more than " + MAX_DOCUMENT_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw failure(uri, "broke off its answer (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static IamException failure(URI uri, String problem) {
        return new IamException(ErrorCode.IDP_COMMUNICATION_ERROR, "Keycloak's " + uri + " " + problem + ".");
    }
}
