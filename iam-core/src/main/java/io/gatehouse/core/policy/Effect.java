package io.gatehouse.core.policy;

import java.util.Optional;

/** A statement's {@code Effect}. */
public enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String jsonName;

    Effect(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /** AWS accepts exactly {@code Allow} and {@code Deny}. */
    public static Optional<Effect> fromJson(String text) {
        for (Effect e : values()) {
            if (e.jsonName.equals(text)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
