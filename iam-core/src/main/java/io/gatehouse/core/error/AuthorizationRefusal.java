package io.gatehouse.core.error;

import java.util.Objects;

/**
 * An {@code AccessDenied} of the policy engine that carries the decision's details, encrypted, as
 * AWS's services do for {@code sts:DecodeAuthorizationMessage}. IAM's own wire API answers only the
 * message, word for word as AWS's IAM does; Gatehouse's JSON API adds the encoded details beside it.
 */
public final class AuthorizationRefusal extends IamException {

    private final String encodedMessage;

    public AuthorizationRefusal(String message, String encodedMessage) {
        super(ErrorCode.ACCESS_DENIED, message);
        this.encodedMessage = Objects.requireNonNull(encodedMessage, "encodedMessage");
    }

    /** What {@code DecodeAuthorizationMessage} opens for a caller allowed to. */
    public String encodedMessage() {
        return encodedMessage;
    }
}
