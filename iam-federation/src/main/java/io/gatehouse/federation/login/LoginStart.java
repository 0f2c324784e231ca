package io.gatehouse.federation.login;

import java.net.URI;
import java.util.Objects;

/** Where to send the browser to sign in, and what to keep for its return. */
public record LoginStart(URI authorizationUrl, PendingLogin pending) {

    public LoginStart {
        Objects.requireNonNull(authorizationUrl, "authorizationUrl");
        Objects.requireNonNull(pending, "pending");
    }

    /** The URL carries the state and the nonce, so it is left out as well. */
    @Override
    public String toString() {
        return "LoginStart[authorizationUrl=" + authorizationUrl.getScheme() + "://" + authorizationUrl.getRawAuthority()
                + authorizationUrl.getRawPath() + "?..., pending=" + pending + "]";
    }
}
