package io.gatehouse.federation.keycloak;

import java.util.Objects;

/**
 * How Gatehouse signs in to Keycloak's admin API: as an administrator (the password grant of a
 * public client such as {@code admin-cli}) or as a confidential client's service account. The
 * secrets never appear in {@code toString()}.
 */
public sealed interface AdminCredentials {

    String clientId();

    /** Keycloak's own admin console client, available in every realm. */
    String ADMIN_CLI = "admin-cli";

    static AdminCredentials administrator(String username, String password) {
        return new Administrator(ADMIN_CLI, username, password);
    }

    static AdminCredentials serviceAccount(String clientId, String clientSecret) {
        return new ServiceAccount(clientId, clientSecret);
    }

    record Administrator(String clientId, String username, String password) implements AdminCredentials {
        public Administrator {
            requireText(clientId, "clientId");
            requireText(username, "username");
            requireText(password, "password");
        }

        @Override
        public String toString() {
            return "Administrator[clientId=" + clientId + ", username=" + username + ", password=****]";
        }
    }

    record ServiceAccount(String clientId, String clientSecret) implements AdminCredentials {
        public ServiceAccount {
            requireText(clientId, "clientId");
            requireText(clientSecret, "clientSecret");
        }

        @Override
        public String toString() {
            return "ServiceAccount[clientId=" + clientId + ", clientSecret=****]";
        }
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("The Keycloak admin " + name + " cannot be blank");
        }
    }
}
