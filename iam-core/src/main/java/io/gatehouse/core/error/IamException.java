package io.gatehouse.core.error;

import java.util.Objects;

/**
 * A failure that the caller sees as an AWS error: a code and a message naming what is wrong.
 * Messages never contain secrets.
 */
public class IamException extends RuntimeException {

    private final ErrorCode code;

    public IamException(ErrorCode code, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
    }

    public IamException(ErrorCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    public static IamException noSuchEntity(String message) {
        return new IamException(ErrorCode.NO_SUCH_ENTITY, message);
    }

    public static IamException alreadyExists(String message) {
        return new IamException(ErrorCode.ENTITY_ALREADY_EXISTS, message);
    }

    public static IamException validation(String message) {
        return new IamException(ErrorCode.VALIDATION_ERROR, message);
    }

    public static IamException limitExceeded(String message) {
        return new IamException(ErrorCode.LIMIT_EXCEEDED, message);
    }

    public static IamException deleteConflict(String message) {
        return new IamException(ErrorCode.DELETE_CONFLICT, message);
    }

    public static IamException accessDenied(String message) {
        return new IamException(ErrorCode.ACCESS_DENIED, message);
    }
}
