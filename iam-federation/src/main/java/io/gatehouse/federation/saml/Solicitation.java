package io.gatehouse.federation.saml;

import java.util.Objects;

/**
 * Whether a SAML response answers an authentication request of ours, which decides how its
 * {@code InResponseTo} (on the Response and on the bearer confirmation) is checked.
 */
public sealed interface Solicitation {

    /**
     * AssumeRoleWithSAML: the caller brings a response from wherever it came, IdP- or SP-initiated,
     * and STS has no request to match it to. As AWS does, any {@code InResponseTo} is reported, not checked.
     */
    static Solicitation unchecked() {
        return Unchecked.INSTANCE;
    }

    /**
     * IdP-initiated browser sign-in: no request was sent, so a response claiming to answer one was
     * meant for another flow and is refused.
     */
    static Solicitation unsolicited() {
        return Unsolicited.INSTANCE;
    }

    /** SP-initiated sign-in: the response must answer the request with this ID. */
    static Solicitation answering(String requestId) {
        return new Answering(requestId);
    }

    enum Unchecked implements Solicitation { INSTANCE }

    enum Unsolicited implements Solicitation { INSTANCE }

    record Answering(String requestId) implements Solicitation {
        public Answering {
            Objects.requireNonNull(requestId, "requestId");
            if (requestId.isBlank()) {
                throw new IllegalArgumentException("An authentication request ID cannot be blank");
            }
        }
    }
}
