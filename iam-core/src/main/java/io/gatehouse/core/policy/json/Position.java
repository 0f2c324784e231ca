package io.gatehouse.core.policy.json;

/** A place in a policy document: 1-based line and column, counted in UTF-16 code units. */
public record Position(int line, int column) {
    public static final Position START = new Position(1, 1);

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
