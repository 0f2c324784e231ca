package io.gatehouse.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.DuplicateCertificateException;
import software.amazon.awssdk.services.iam.model.InvalidCertificateException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedCertificateException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.SigningCertificate;
import software.amazon.awssdk.services.iam.model.StatusType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** X.509 signing certificates generated in the test and uploaded through the AWS SDK. */
class SigningCertificateApiIT extends GatehouseServer {

    private static final IamClient IAM = admin();

    @AfterAll
    static void close() {
        IAM.close();
    }

    private static String givenUser(String prefix) {
        String name = unique(prefix);
        IAM.createUser(b -> b.userName(name));
        return name;
    }

    @Test
    void uploadListDeactivateAndDelete() {
        String user = givenUser("jan");
        String pem = TestCertificates.valid(user);

        SigningCertificate uploaded = IAM.uploadSigningCertificate(b -> b.userName(user).certificateBody(pem)).certificate();

        assertEquals(user, uploaded.userName());
        assertTrue(uploaded.certificateId().matches("\\w{24,128}"), uploaded.certificateId());
        assertEquals(StatusType.ACTIVE, uploaded.status());
        assertEquals(pem.strip(), uploaded.certificateBody().strip());
        List<SigningCertificate> listed = IAM.listSigningCertificates(b -> b.userName(user)).certificates();
        assertEquals(List.of(uploaded.certificateId()), listed.stream().map(SigningCertificate::certificateId).toList());

        IAM.updateSigningCertificate(b -> b.userName(user).certificateId(uploaded.certificateId()).status(StatusType.INACTIVE));
        assertEquals(StatusType.INACTIVE, IAM.listSigningCertificates(b -> b.userName(user)).certificates().get(0).status());

        IAM.deleteSigningCertificate(b -> b.userName(user).certificateId(uploaded.certificateId()));
        assertTrue(IAM.listSigningCertificates(b -> b.userName(user)).certificates().isEmpty());
    }

    @Test
    void aThirdCertificateExceedsTheQuotaOfTwo() {
        String user = givenUser("kai");
        IAM.uploadSigningCertificate(b -> b.userName(user).certificateBody(TestCertificates.valid("one")));
        IAM.uploadSigningCertificate(b -> b.userName(user).certificateBody(TestCertificates.valid("two")));

        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> IAM.uploadSigningCertificate(b -> b.userName(user).certificateBody(TestCertificates.valid("three"))));

        assertTrue(e.awsErrorDetails().errorMessage().contains("SigningCertificatesPerUser"));
    }

    @Test
    void theSameCertificateTwiceIsADuplicate() {
        String first = givenUser("lea");
        String second = givenUser("max");
        String pem = TestCertificates.valid("shared");
        IAM.uploadSigningCertificate(b -> b.userName(first).certificateBody(pem));

        assertThrows(DuplicateCertificateException.class,
                () -> IAM.uploadSigningCertificate(b -> b.userName(second).certificateBody(pem)));
    }

    @Test
    void textThatIsNoCertificateIsMalformed() {
        String user = givenUser("ned");

        assertThrows(MalformedCertificateException.class,
                () -> IAM.uploadSigningCertificate(b -> b.userName(user).certificateBody("not a certificate")));
    }

    @Test
    void anExpiredCertificateIsInvalid() {
        String user = givenUser("oda");

        assertThrows(InvalidCertificateException.class,
                () -> IAM.uploadSigningCertificate(b -> b.userName(user).certificateBody(TestCertificates.expired(user))));
    }

    @Test
    void aUserWithCertificatesCannotBeDeleted() {
        String user = givenUser("pat");
        String id = IAM.uploadSigningCertificate(b -> b.userName(user).certificateBody(TestCertificates.valid(user)))
                .certificate().certificateId();

        DeleteConflictException e = assertThrows(DeleteConflictException.class, () -> IAM.deleteUser(b -> b.userName(user)));

        assertTrue(e.awsErrorDetails().errorMessage().contains("signing certificates"), e.awsErrorDetails().errorMessage());
        IAM.deleteSigningCertificate(b -> b.userName(user).certificateId(id));
        IAM.deleteUser(b -> b.userName(user));
    }

    @Test
    void anotherUsersCertificateIdIsNoSuchEntity() {
        String owner = givenUser("rex");
        String other = givenUser("sia");
        String id = IAM.uploadSigningCertificate(b -> b.userName(owner).certificateBody(TestCertificates.valid(owner)))
                .certificate().certificateId();

        assertThrows(NoSuchEntityException.class, () -> IAM.deleteSigningCertificate(b -> b.userName(other).certificateId(id)));
        assertThrows(NoSuchEntityException.class, () -> IAM.updateSigningCertificate(b -> b.userName(other)
                .certificateId(id).status(StatusType.INACTIVE)));
        assertEquals(1, IAM.listSigningCertificates(b -> b.userName(owner)).certificates().size());
    }
}
