package io.gatehouse.federation.oidc;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.federation.ProviderUrl;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a provider's keys over HTTP, uncached: {@code <issuer>/.well-known/openid-configuration},
 * then the JWK set at its {@code jwks_uri} (OpenID Connect Discovery 1.0 §4). Each request has one
 * deadline for connecting and reading the whole body, and a size cap, so a slow or hostile
 * provider cannot hold a request thread or fill memory. Redirects are not followed: a redirect
 * could lead to an address {@link ProviderUrl} would refuse. The same document also gives the
 * endpoints of a browser sign-in ({@link #endpoints(ProviderUrl)}).
 */
public final class OidcDiscovery {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    /** Discovery documents and JWK sets are a few kilobytes; real ones stay far below this. */
    public static final int DEFAULT_MAX_DOCUMENT_BYTES = 256 * 1024;

    private static final String WELL_KNOWN = "/.well-known/openid-configuration";

    private final HttpClient client;
    private final Duration timeout;
    private final int maxDocumentBytes;

    public OidcDiscovery(Duration timeout, int maxDocumentBytes) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || maxDocumentBytes <= 0) {
            throw new IllegalArgumentException("timeout and size cap must be positive");
        }
        this.maxDocumentBytes = maxDocumentBytes;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public OidcDiscovery() {
        this(DEFAULT_TIMEOUT, DEFAULT_MAX_DOCUMENT_BYTES);
    }

    public ProviderKeys fetch(OidcProviderTrust provider) {
        URI discoveryUri = discoveryUri(provider.issuer());
        Map<String, Object> configuration = json(discoveryUri, get(discoveryUri));
        String declaredIssuer = string(configuration, "issuer", discoveryUri);
        URI jwksUri = endpoint(configuration, "jwks_uri", discoveryUri).uri();
        String jwks = get(jwksUri);
        try {
            return new ProviderKeys(declaredIssuer, JWKSet.parse(jwks));
        } catch (ParseException e) {
            throw failure(jwksUri, "did not return a JWK set");
        }
    }

    /**
     * The sign-in endpoints {@code issuer}'s discovery document names, uncached. Each must be an
     * acceptable {@link ProviderUrl}; a document without authorization or token endpoint is refused.
     */
    public ProviderEndpoints endpoints(ProviderUrl issuer) {
        URI discoveryUri = discoveryUri(issuer);
        Map<String, Object> configuration = json(discoveryUri, get(discoveryUri));
        Optional<ProviderUrl> userInfo = configuration.get("userinfo_endpoint") == null
                ? Optional.empty() : Optional.of(endpoint(configuration, "userinfo_endpoint", discoveryUri));
        return new ProviderEndpoints(string(configuration, "issuer", discoveryUri),
                endpoint(configuration, "authorization_endpoint", discoveryUri),
                endpoint(configuration, "token_endpoint", discoveryUri), userInfo,
                Boolean.TRUE.equals(configuration.get("authorization_response_iss_parameter_supported")));
    }

    static URI discoveryUri(ProviderUrl issuer) {
        String base = issuer.uri().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + WELL_KNOWN);
    }

    private String get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json").GET().build();
        CompletableFuture<HttpResponse<byte[]>> pending =
                client.sendAsync(request, new CappedBody(maxDocumentBytes));
        HttpResponse<byte[]> response;
        try {
            response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw failure(uri, "did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (causedBy(e, CappedBody.TooLarge.class)) {
                throw failure(uri, "answered with more than " + maxDocumentBytes + " bytes");
            }
            if (causedBy(e, HttpTimeoutException.class)) {
                throw failure(uri, "did not answer within " + timeout.toMillis() + " ms");
            }
            throw failure(uri, "could not be reached (" + e.getCause().getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(uri, "was interrupted");
        }
        if (response.statusCode() != 200) {
            throw failure(uri, "answered HTTP " + response.statusCode());
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static ProviderUrl endpoint(Map<String, Object> configuration, String member, URI discoveryUri) {
        String value = string(configuration, member, discoveryUri);
        try {
            return new ProviderUrl(new URI(value));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw failure(discoveryUri, "names a " + member + " that is not an acceptable provider URL "
                    + "(https://, or http:// on loopback): " + value);
        }
    }

    private static Map<String, Object> json(URI uri, String body) {
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw failure(uri, "did not return a JSON object");
        }
    }

    private static String string(Map<String, Object> json, String member, URI uri) {
        if (json.get(member) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw failure(uri, "has no " + member);
    }

    private static IamException failure(URI uri, String problem) {
        return new IamException(ErrorCode.IDP_COMMUNICATION_ERROR,
                "Couldn't retrieve verification key from your identity provider: " + uri + " " + problem);
    }
}
