package io.gatehouse.core.policy;

import java.util.List;

/** A statement's {@code Action} or {@code NotAction}: patterns such as {@code s3:Get*}. */
public sealed interface ActionElement {
    List<String> patterns();

    record Action(List<String> patterns) implements ActionElement {
        public Action {
            patterns = List.copyOf(patterns);
        }
    }

    record NotAction(List<String> patterns) implements ActionElement {
        public NotAction {
            patterns = List.copyOf(patterns);
        }
    }
}
