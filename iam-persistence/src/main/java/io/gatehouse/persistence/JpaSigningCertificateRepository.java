package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.AccessKeyStatus;
import io.gatehouse.core.identity.SigningCertificate;
import io.gatehouse.core.port.SigningCertificateRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Signing certificates in {@code signing_certificates}. Runs in the caller's transaction. */
public final class JpaSigningCertificateRepository implements SigningCertificateRepository {

    private final EntityManager em;

    public JpaSigningCertificateRepository(EntityManager em) {
        this.em = Objects.requireNonNull(em, "em");
    }

    @Override
    public Optional<SigningCertificate> find(AccountId account, String certificateId) {
        return Optional.ofNullable(em.find(SigningCertificateEntity.class, certificateId))
                .map(SigningCertificateEntity::toCertificate)
                .filter(certificate -> certificate.account().equals(account));
    }

    @Override
    public boolean existsWithFingerprint(AccountId account, String fingerprint) {
        return !em.createQuery("""
                        select c.certificateId from SigningCertificateEntity c
                        where c.accountId = :account and c.fingerprint = :fingerprint""", String.class)
                .setParameter("account", account.value())
                .setParameter("fingerprint", fingerprint)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public List<SigningCertificate> listFor(AccountId account, Optional<String> userId) {
        return owned("select c from SigningCertificateEntity c", " order by c.uploadDate, c.certificateId",
                SigningCertificateEntity.class, account, userId)
                .getResultStream()
                .map(SigningCertificateEntity::toCertificate)
                .toList();
    }

    @Override
    public long countFor(AccountId account, Optional<String> userId) {
        return owned("select count(c) from SigningCertificateEntity c", "", Long.class, account, userId)
                .getSingleResult();
    }

    /** The unique fingerprint per account settles two racing uploads of one certificate. */
    @Override
    public void create(SigningCertificate certificate) {
        em.persist(new SigningCertificateEntity(certificate));
        Flushes.flush(em, () -> new IamException(ErrorCode.DUPLICATE_CERTIFICATE,
                "The request was rejected because the same certificate is associated with an IAM user in the account."));
    }

    @Override
    public void updateStatus(SigningCertificate certificate, AccessKeyStatus status) {
        entity(certificate.certificateId()).status(status);
        Flushes.flush(em, null);
    }

    @Override
    public void delete(SigningCertificate certificate) {
        em.remove(entity(certificate.certificateId()));
        Flushes.flush(em, null);
    }

    /** A query over the certificates of one owner: a user, or the root user when {@code userId} is empty. */
    private <T> TypedQuery<T> owned(String select, String orderBy, Class<T> type, AccountId account,
                                    Optional<String> userId) {
        String owner = userId.isPresent() ? "c.userId = :userId" : "c.userId is null";
        TypedQuery<T> query = em.createQuery(select + " where c.accountId = :account and " + owner + orderBy, type)
                .setParameter("account", account.value());
        userId.ifPresent(id -> query.setParameter("userId", id));
        return query;
    }

    private SigningCertificateEntity entity(String certificateId) {
        SigningCertificateEntity entity = em.find(SigningCertificateEntity.class, certificateId);
        if (entity == null) {
            throw IamException.noSuchEntity("The Certificate with id " + certificateId + " cannot be found.");
        }
        return entity;
    }
}
