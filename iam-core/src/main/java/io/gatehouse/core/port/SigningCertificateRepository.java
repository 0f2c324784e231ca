package io.gatehouse.core.port;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.AccessKeyStatus;
import io.gatehouse.core.identity.SigningCertificate;

import java.util.List;
import java.util.Optional;

/** Users' X.509 signing certificates; a certificate appears at most once per account. */
public interface SigningCertificateRepository {
    Optional<SigningCertificate> find(AccountId account, String certificateId);

    /** Whether the account holds a certificate with this fingerprint already, whoever owns it. */
    boolean existsWithFingerprint(AccountId account, String fingerprint);

    /** The certificates of a user ({@code userId} present) or of the root user, oldest first. */
    List<SigningCertificate> listFor(AccountId account, Optional<String> userId);

    long countFor(AccountId account, Optional<String> userId);

    /** @throws io.gatehouse.core.error.IamException DuplicateCertificate when the fingerprint is taken */
    void create(SigningCertificate certificate);

    void updateStatus(SigningCertificate certificate, AccessKeyStatus status);

    void delete(SigningCertificate certificate);
}
