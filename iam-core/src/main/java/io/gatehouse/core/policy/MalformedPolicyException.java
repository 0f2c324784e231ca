package io.gatehouse.core.policy;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.policy.json.Position;

/**
 * IAM's {@code MalformedPolicyDocument}, with the line and column of the problem so that a console or
 * CLI user can find it; {@link #reason()} is the message without the position.
 */
public final class MalformedPolicyException extends IamException {
    private final String reason;
    private final Position position;

    public MalformedPolicyException(String reason, Position position) {
        super(ErrorCode.MALFORMED_POLICY_DOCUMENT, reason + " (" + position + ")");
        this.reason = reason;
        this.position = position;
    }

    public String reason() {
        return reason;
    }

    public Position position() {
        return position;
    }

    public int line() {
        return position.line();
    }

    public int column() {
        return position.column();
    }
}
