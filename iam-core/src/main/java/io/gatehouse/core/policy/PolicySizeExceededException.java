package io.gatehouse.core.policy;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.policy.json.Position;

/**
 * A policy longer than its quota. AWS answers {@code LimitExceeded} naming the quota; the position is
 * that of the first character beyond it.
 */
public final class PolicySizeExceededException extends IamException {
    private final PolicyQuota quota;
    private final Position position;

    public PolicySizeExceededException(PolicyQuota quota, Position position) {
        super(ErrorCode.LIMIT_EXCEEDED, "Cannot exceed quota for PolicySize: " + quota.maxCharacters()
                + " (" + position + ")");
        this.quota = quota;
        this.position = position;
    }

    public PolicyQuota quota() {
        return quota;
    }

    public Position position() {
        return position;
    }
}
