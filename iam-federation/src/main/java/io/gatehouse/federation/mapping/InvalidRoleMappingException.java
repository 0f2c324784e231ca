package io.gatehouse.federation.mapping;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.policy.json.Position;

import java.util.Objects;
import java.util.Optional;

/**
 * A role mapping that cannot be saved: {@code ValidationError} naming where the problem is, as a
 * path in the rule document's own vocabulary ({@code rules[2].conditions[0].claim}) and, when the
 * rules came from a document, its line and column. {@link #reason()} is the message without either.
 */
public final class InvalidRoleMappingException extends IamException {

    private final String path;
    private final String reason;
    private final Optional<Position> position;

    public InvalidRoleMappingException(String path, String reason) {
        this(path, reason, Optional.empty());
    }

    private InvalidRoleMappingException(String path, String reason, Optional<Position> position) {
        super(ErrorCode.VALIDATION_ERROR, message(path, reason, position));
        this.path = path;
        this.reason = reason;
        this.position = position;
    }

    public static InvalidRoleMappingException at(String path, String reason, Position position) {
        return new InvalidRoleMappingException(path, reason, Optional.of(position));
    }

    /** The path from the document's root; empty for the document itself. */
    public String path() {
        return path;
    }

    public String reason() {
        return reason;
    }

    public Optional<Position> position() {
        return position;
    }

    /** The same problem, seen from the object that contains the part at fault. */
    InvalidRoleMappingException within(String prefix) {
        return new InvalidRoleMappingException(join(prefix, path), reason, position);
    }

    InvalidRoleMappingException locatedAt(Position where) {
        return new InvalidRoleMappingException(path, reason, Optional.of(Objects.requireNonNull(where)));
    }

    static String join(String prefix, String path) {
        if (prefix.isEmpty()) {
            return path;
        }
        if (path.isEmpty()) {
            return prefix;
        }
        return path.startsWith("[") ? prefix + path : prefix + "." + path;
    }

    private static String message(String path, String reason, Optional<Position> position) {
        String located = path.isEmpty() ? reason : path + ": " + reason;
        return position.map(p -> located + " (" + p + ")").orElse(located);
    }
}
