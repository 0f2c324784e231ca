package io.gatehouse.core.policy.json;

/** The text is not JSON, or repeats a key within one object. */
public final class JsonSyntaxException extends RuntimeException {
    private final Position position;

    public JsonSyntaxException(String message, Position position) {
        super(message, null, false, false);
        this.position = position;
    }

    public Position position() {
        return position;
    }
}
