package io.gatehouse.federation.login;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Redeems an authorization code at a provider's token endpoint (RFC 6749 §4.1.3 with the PKCE
 * {@code code_verifier}, RFC 7636 §4.5). An OAuth error in the answer is the provider refusing
 * the sign-in ({@code AccessDenied}, with its sanitized text); GitHub sends those with HTTP 200.
 * A provider that cannot be reached, fails (5xx) or answers what is not a token response is
 * {@code IDPCommunicationError}.
 */
final class TokenEndpoint {

    private static final String ENDPOINT = "token endpoint";

    /** What the token endpoint issued; the tokens stay out of {@code toString}. */
    record Tokens(String accessToken, Optional<String> tokenType, Optional<String> idToken) {
        @Override
        public String toString() {
            return "Tokens[accessToken=****, tokenType=" + tokenType.orElse("none")
                    + ", idToken=" + (idToken.isPresent() ? "****" : "none") + "]";
        }
    }

    private final BackChannel channel;

    TokenEndpoint(BackChannel channel) {
        this.channel = channel;
    }

    Tokens redeem(URI tokenEndpoint, String clientId, ClientAuthentication method, Optional<String> secret,
                  String code, PendingLogin pending) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", pending.redirectUri().toString());
        form.put("code_verifier", pending.codeVerifier());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        switch (method) {
            case CLIENT_SECRET_BASIC -> headers.put("Authorization", basic(clientId, secret.orElseThrow()));
            case CLIENT_SECRET_POST -> {
                form.put("client_id", clientId);
                form.put("client_secret", secret.orElseThrow());
            }
            case NONE -> form.put("client_id", clientId);
        }
        return tokens(tokenEndpoint, channel.postForm(ENDPOINT, tokenEndpoint, form, headers));
    }

    private static Tokens tokens(URI uri, BackChannel.Reply reply) {
        if (reply.status() >= 500) {
            throw BackChannel.failure(ENDPOINT, uri, "answered HTTP " + reply.status());
        }
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(reply.body());
        } catch (ParseException e) {
            throw BackChannel.failure(ENDPOINT, uri, "answered HTTP " + reply.status() + " without a JSON token response");
        }
        if (json.get("error") instanceof String error) {
            String description = json.get("error_description") instanceof String text ? text : null;
            throw new IamException(ErrorCode.ACCESS_DENIED,
                    "The identity provider refused the sign-in code: " + ProviderText.error(error, description));
        }
        if (reply.status() != 200) {
            throw BackChannel.failure(ENDPOINT, uri, "answered HTTP " + reply.status());
        }
        if (!(json.get("access_token") instanceof String accessToken) || accessToken.isEmpty()) {
            throw BackChannel.failure(ENDPOINT, uri, "returned no access_token");
        }
        return new Tokens(accessToken, text(json, "token_type"), text(json, "id_token"));
    }

    private static Optional<String> text(Map<String, Object> json, String member) {
        return json.get(member) instanceof String value && !value.isEmpty() ? Optional.of(value) : Optional.empty();
    }

    /** RFC 6749 §2.3.1: id and secret are form-encoded before they are joined and base64-encoded. */
    private static String basic(String clientId, String secret) {
        String pair = BackChannel.encode(clientId) + ":" + BackChannel.encode(secret);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
