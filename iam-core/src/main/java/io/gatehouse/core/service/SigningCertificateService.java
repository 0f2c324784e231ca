package io.gatehouse.core.service;

import io.gatehouse.core.credential.CredentialGenerator;
import io.gatehouse.core.credential.PemCertificate;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.AccessKeyStatus;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.SigningCertificate;
import io.gatehouse.core.port.SigningCertificateRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * X.509 signing certificates of a user (or of the root user): upload (parsed, checked for
 * validity, once per account, at most two per user), listing, status and deletion.
 */
public final class SigningCertificateService {

    private final SigningCertificateRepository certificates;
    private final CredentialGenerator generator;
    private final Clock clock;

    public SigningCertificateService(SigningCertificateRepository certificates, CredentialGenerator generator,
                                     Clock clock) {
        this.certificates = certificates;
        this.generator = generator;
        this.clock = clock;
    }

    public SigningCertificate upload(KeyOwner owner, String body) {
        Constraint.CERTIFICATE_BODY.check("CertificateBody", body);
        Instant now = clock.instant();
        PemCertificate parsed = PemCertificate.parse(body, now);
        if (certificates.existsWithFingerprint(owner.account(), parsed.fingerprint())) {
            throw duplicate();
        }
        if (certificates.countFor(owner.account(), owner.userId()) >= Quotas.SIGNING_CERTIFICATES_PER_USER) {
            throw IamException.limitExceeded("Cannot exceed quota for SigningCertificatesPerUser: "
                    + Quotas.SIGNING_CERTIFICATES_PER_USER);
        }
        SigningCertificate certificate = new SigningCertificate(generator.certificateId(), owner.account(),
                owner.userId(), body.strip(), parsed.fingerprint(), AccessKeyStatus.Active, now);
        certificates.create(certificate);
        return certificate;
    }

    public List<SigningCertificate> list(KeyOwner owner) {
        return certificates.listFor(owner.account(), owner.userId());
    }

    public void updateStatus(KeyOwner owner, String certificateId, AccessKeyStatus status) {
        certificates.updateStatus(owned(owner, certificateId), status);
    }

    public void delete(KeyOwner owner, String certificateId) {
        certificates.delete(owned(owner, certificateId));
    }

    static IamException duplicate() {
        return new IamException(ErrorCode.DUPLICATE_CERTIFICATE, "The request was rejected because the same certificate is associated with an IAM user in the account.");
    }

    /** A certificate of another owner is reported as missing, so ids cannot be probed across users. */
    private SigningCertificate owned(KeyOwner owner, String certificateId) {
        Constraint.CERTIFICATE_ID.check("CertificateId", certificateId);
        return certificates.find(owner.account(), certificateId)
                .filter(c -> c.userId().equals(owner.userId()))
                .orElseThrow(() -> IamException.noSuchEntity("The Certificate with id " + certificateId + " cannot be found."));
    }
}
