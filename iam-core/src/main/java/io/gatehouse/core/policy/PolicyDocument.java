package io.gatehouse.core.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A parsed and validated policy document. Build one with {@link PolicyParser#parse}. */
public record PolicyDocument(PolicyKind kind, PolicyVersion version, Optional<String> id, List<Statement> statements) {
    public PolicyDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(id, "id");
        statements = List.copyOf(statements);
    }
}
