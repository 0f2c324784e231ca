package io.gatehouse.core.service;

import java.util.Objects;
import java.util.Optional;

/**
 * What configuration says about the first start. Secrets given here are used only when the
 * database is empty, so automation can start a server with known credentials.
 */
public record BootstrapSettings(String accountName, String rootEmail, Optional<String> rootPassword,
                                Optional<String> adminAccessKeyId, Optional<String> adminSecretAccessKey) {
    public BootstrapSettings {
        Objects.requireNonNull(accountName, "accountName");
        Objects.requireNonNull(rootEmail, "rootEmail");
        Objects.requireNonNull(rootPassword, "rootPassword");
        Objects.requireNonNull(adminAccessKeyId, "adminAccessKeyId");
        Objects.requireNonNull(adminSecretAccessKey, "adminSecretAccessKey");
        if (adminAccessKeyId.isPresent() != adminSecretAccessKey.isPresent()) {
            throw new IllegalArgumentException(
                    "The bootstrap admin access key id and secret access key must be configured together");
        }
    }

    @Override
    public String toString() {
        return "BootstrapSettings[account=" + accountName + ", rootEmail=" + rootEmail + "]";
    }
}
