package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.identity.AccessKeyStatus;
import io.gatehouse.core.identity.SigningCertificate;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Optional;

@Entity
@Table(name = "signing_certificates")
public class SigningCertificateEntity {

    @Id
    @Column(name = "certificate_id")
    private String certificateId;

    @Column(name = "account_id")
    private String accountId;

    /** Null for the root user's own certificates. */
    @Column(name = "user_id")
    private String userId;

    @Column(name = "certificate_body")
    private String body;

    @Column(name = "fingerprint")
    private String fingerprint;

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    private AccessKeyStatus status;

    @Column(name = "upload_date")
    private Instant uploadDate;

    @Version
    @Column(name = "version")
    private long version;

    protected SigningCertificateEntity() {
    }

    SigningCertificateEntity(SigningCertificate certificate) {
        this.certificateId = certificate.certificateId();
        this.accountId = certificate.account().value();
        this.userId = certificate.userId().orElse(null);
        this.body = certificate.body();
        this.fingerprint = certificate.fingerprint();
        this.status = certificate.status();
        this.uploadDate = certificate.uploadDate();
    }

    SigningCertificate toCertificate() {
        return new SigningCertificate(certificateId, new AccountId(accountId), Optional.ofNullable(userId), body,
                fingerprint, status, uploadDate);
    }

    void status(AccessKeyStatus newStatus) {
        this.status = newStatus;
    }
}
