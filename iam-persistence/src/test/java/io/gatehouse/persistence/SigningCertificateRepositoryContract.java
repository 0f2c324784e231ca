package io.gatehouse.persistence;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.identity.AccessKeyStatus;
import io.gatehouse.core.identity.SigningCertificate;
import io.gatehouse.core.identity.User;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

abstract class SigningCertificateRepositoryContract extends RepositoryContract {

    private static final String BODY = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";

    private static SigningCertificate certificate(AccountId account, Optional<String> userId, String fingerprint,
                                                  Instant uploaded) {
        return new SigningCertificate(uniqueId("CERTIFICATEID"), account, userId, BODY, fingerprint,
                AccessKeyStatus.Active, uploaded);
    }

    @Test
    void findsAnUploadedCertificate() {
        AccountId account = givenAccount();
        User alice = givenUser(account, "alice");
        SigningCertificate certificate = certificate(account, Optional.of(alice.userId()), "F1", T0);

        store.run(r -> r.signingCertificates().create(certificate));

        assertEquals(Optional.of(certificate),
                store.inTransaction(r -> r.signingCertificates().find(account, certificate.certificateId())));
        assertEquals(Optional.empty(),
                store.inTransaction(r -> r.signingCertificates().find(givenAccount(), certificate.certificateId())));
        assertTrue(holds(r -> r.signingCertificates().existsWithFingerprint(account, "F1")));
        assertFalse(holds(r -> r.signingCertificates().existsWithFingerprint(account, "F2")));
    }

    @Test
    void theSameCertificateTwiceInAnAccountIsADuplicate() {
        AccountId account = givenAccount();
        User alice = givenUser(account, "alice");
        User bob = givenUser(account, "bob");
        store.run(r -> r.signingCertificates().create(certificate(account, Optional.of(alice.userId()), "F1", T0)));

        assertIamError(ErrorCode.DUPLICATE_CERTIFICATE, () -> store.run(r -> r.signingCertificates()
                .create(certificate(account, Optional.of(bob.userId()), "F1", T0))));
        store.run(r -> r.signingCertificates().create(certificate(givenAccount(), Optional.empty(), "F1", T0)));
    }

    @Test
    void listsTheCertificatesOfOneOwnerOldestFirst() {
        AccountId account = givenAccount();
        User alice = givenUser(account, "alice");
        SigningCertificate newer = certificate(account, Optional.of(alice.userId()), "F1", at(60));
        SigningCertificate older = certificate(account, Optional.of(alice.userId()), "F2", at(0));
        SigningCertificate root = certificate(account, Optional.empty(), "F3", at(0));
        store.run(r -> {
            r.signingCertificates().create(newer);
            r.signingCertificates().create(older);
            r.signingCertificates().create(root);
        });

        assertEquals(List.of(older, newer),
                store.inTransaction(r -> r.signingCertificates().listFor(account, Optional.of(alice.userId()))));
        assertEquals(List.of(root), store.inTransaction(r -> r.signingCertificates().listFor(account, Optional.empty())));
        assertEquals(2, count(r -> r.signingCertificates().countFor(account, Optional.of(alice.userId()))));
        assertIamError(ErrorCode.DELETE_CONFLICT, () -> store.run(r -> r.users().delete(alice)));
    }

    @Test
    void updatesStatusAndDeletes() {
        AccountId account = givenAccount();
        SigningCertificate certificate = certificate(account, Optional.empty(), "F1", T0);
        store.run(r -> r.signingCertificates().create(certificate));

        store.run(r -> r.signingCertificates().updateStatus(certificate, AccessKeyStatus.Inactive));
        assertEquals(AccessKeyStatus.Inactive, store.inTransaction(r -> r.signingCertificates()
                .find(account, certificate.certificateId())).orElseThrow().status());

        store.run(r -> r.signingCertificates().delete(certificate));
        assertEquals(0, count(r -> r.signingCertificates().countFor(account, Optional.empty())));
        assertIamError(ErrorCode.NO_SUCH_ENTITY, () -> store.run(r -> r.signingCertificates().delete(certificate)));
    }
}
