package io.gatehouse.federation.keycloak;

import java.util.Objects;

/**
 * A group of a Keycloak realm, as mapping rules name it.
 *
 * @param name the group's own name, e.g. {@code dev}
 * @param path its full path, e.g. {@code /engineering/dev}: the value Gatehouse's clients receive in
 *             the {@code groups} claim and attribute, unambiguous where two subgroups share a name
 */
public record RealmGroup(String id, String name, String path) {

    public RealmGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("A Keycloak group path starts with '/'");
        }
    }
}
