package io.gatehouse.core.sts;

import java.util.Objects;

/**
 * Temporary credentials as STS returns them: the session (key id, secret, expiry, principal), the
 * sealed session token, and how much of the packed-size budget the session policies and tags used.
 */
public record IssuedSession(SessionToken session, String sessionToken, int packedPolicySize) {

    public IssuedSession {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(sessionToken, "sessionToken");
    }

    @Override
    public String toString() {
        return "IssuedSession[" + session + "]";
    }
}
