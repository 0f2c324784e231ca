package io.gatehouse.federation.login;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A sign-in that has been sent to its provider and not yet come back: what the callback is checked
 * against. The caller keeps it where only this browser's callback finds it (an encrypted,
 * HTTP-only cookie or a server-side session) and hands it to
 * {@link AuthorizationCodeLogin#complete} once.
 *
 * @param nonce        bound into the ID token (OpenID Connect only)
 * @param codeVerifier the PKCE secret whose S256 hash the authorization request carried
 */
public record PendingLogin(String providerName, String state, Optional<String> nonce, String codeVerifier,
                           URI redirectUri, Instant startedAt) {

    public PendingLogin {
        Objects.requireNonNull(providerName, "providerName");
        requireValue(state, "state");
        Objects.requireNonNull(nonce, "nonce").ifPresent(value -> requireValue(value, "nonce"));
        requireValue(codeVerifier, "codeVerifier");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** The secrets stay out of logs. */
    @Override
    public String toString() {
        return "PendingLogin[providerName=" + providerName + ", state=****, nonce=" + (nonce.isPresent() ? "****" : "none")
                + ", codeVerifier=****, redirectUri=" + redirectUri + ", startedAt=" + startedAt + "]";
    }

    private static void requireValue(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }
}
