package io.gatehouse.federation.login;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.federation.oidc.CappedBody;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Gatehouse's direct calls to a provider (token and user API requests). One deadline covers
 * connecting and reading the whole answer, answers are capped in size, and redirects are not
 * followed: a token request must not be replayed to wherever a provider's answer points. Failures
 * are {@code IDPCommunicationError} and never quote what was sent.
 */
public final class BackChannel {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** Token responses and user profiles are a few kilobytes. */
    public static final int DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024;

    private static final String USER_AGENT = "Gatehouse";

    private final HttpClient client;
    private final Duration timeout;
    private final int maxResponseBytes;

    public BackChannel(Duration timeout, int maxResponseBytes) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || maxResponseBytes <= 0) {
            throw new IllegalArgumentException("timeout and size cap must be positive");
        }
        this.maxResponseBytes = maxResponseBytes;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public BackChannel() {
        this(DEFAULT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES);
    }

    /** An answer: its status, its body as text and its media type. */
    record Reply(int status, String body, Optional<String> contentType) {
    }

    Reply postForm(String endpoint, URI uri, Map<String, String> form, Map<String, String> headers) {
        String body = form.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(endpoint, uri, request, headers);
    }

    Reply get(String endpoint, URI uri, Map<String, String> headers) {
        return send(endpoint, uri, HttpRequest.newBuilder(uri).GET(), headers);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Reply send(String endpoint, URI uri, HttpRequest.Builder builder, Map<String, String> headers) {
        builder.timeout(timeout).header("User-Agent", USER_AGENT);
        headers.forEach(builder::header);
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(builder.build(), new CappedBody(maxResponseBytes));
        HttpResponse<byte[]> response;
        try {
            response = pending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw failure(endpoint, uri, "did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            if (causedBy(e, CappedBody.TooLarge.class)) {
                throw failure(endpoint, uri, "answered with more than " + maxResponseBytes + " bytes");
            }
            if (causedBy(e, HttpTimeoutException.class)) {
                throw failure(endpoint, uri, "did not answer within " + timeout.toMillis() + " ms");
            }
            throw failure(endpoint, uri, "could not be reached (" + e.getCause().getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(endpoint, uri, "was interrupted");
        }
        return new Reply(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
                response.headers().firstValue("Content-Type"));
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    static IamException failure(String endpoint, URI uri, String problem) {
        return new IamException(ErrorCode.IDP_COMMUNICATION_ERROR,
                "The identity provider's " + endpoint + " " + uri + " " + problem);
    }
}
