package io.gatehouse.core.identity;

import io.gatehouse.core.arn.AccountId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An X.509 signing certificate of a user ({@code userId} empty for the root user). The body is
 * kept as uploaded (PEM); {@code fingerprint} (SHA-256 of the DER encoding) tells duplicates apart.
 */
public record SigningCertificate(String certificateId, AccountId account, Optional<String> userId, String body,
                                 String fingerprint, AccessKeyStatus status, Instant uploadDate) {

    public SigningCertificate {
        Objects.requireNonNull(certificateId, "certificateId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(uploadDate, "uploadDate");
    }
}
