package io.gatehouse.core.policy;

import io.gatehouse.core.policy.json.Position;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One validated statement. {@code index} is its 0-based place in the document; {@code position}
 * and {@code end} are where its object opens and closes, as the simulator reports them.
 */
public record Statement(
        int index,
        Optional<String> sid,
        Effect effect,
        Optional<PrincipalElement> principal,
        ActionElement action,
        Optional<ResourceElement> resource,
        List<Condition> conditions,
        Position position,
        Position end) {

    public Statement {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(end, "end");
    }

    /** The statement's {@code Sid}, or its 0-based index as {@code #n} when it has none. */
    public String label() {
        return sid.orElse("#" + index);
    }
}
