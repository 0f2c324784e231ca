package io.gatehouse.core.policy;

import java.util.List;

/** A statement's {@code Resource} or {@code NotResource}: {@code *} or ARN patterns. */
public sealed interface ResourceElement {
    List<String> patterns();

    record Resource(List<String> patterns) implements ResourceElement {
        public Resource {
            patterns = List.copyOf(patterns);
        }
    }

    record NotResource(List<String> patterns) implements ResourceElement {
        public NotResource {
            patterns = List.copyOf(patterns);
        }
    }
}
