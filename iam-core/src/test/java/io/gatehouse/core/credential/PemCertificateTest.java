package io.gatehouse.core.credential;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PemCertificateTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void parsesAValidCertificateAndFingerprintsIt() {
        String pem = TestCertificates.selfSigned("alice", NOW.minus(DAY), NOW.plus(DAY));

        PemCertificate parsed = PemCertificate.parse(pem, NOW);

        assertEquals("CN=alice", parsed.certificate().getSubjectX500Principal().getName());
        assertTrue(parsed.fingerprint().matches("[0-9A-F]{64}"), parsed.fingerprint());
    }

    @Test
    void theSameCertificateHasTheSameFingerprintWhateverTheSurroundingWhitespace() {
        String pem = TestCertificates.selfSigned("alice", NOW.minus(DAY), NOW.plus(DAY));

        assertEquals(PemCertificate.parse(pem, NOW).fingerprint(), PemCertificate.parse("\n  " + pem + "\n\n", NOW).fingerprint());
    }

    @Test
    void differentCertificatesHaveDifferentFingerprints() {
        assertNotEquals(
                PemCertificate.parse(TestCertificates.selfSigned("a", NOW.minus(DAY), NOW.plus(DAY)), NOW).fingerprint(),
                PemCertificate.parse(TestCertificates.selfSigned("b", NOW.minus(DAY), NOW.plus(DAY)), NOW).fingerprint());
    }

    @Test
    void textThatIsNoPemIsMalformed() {
        assertCode(ErrorCode.MALFORMED_CERTIFICATE, () -> PemCertificate.parse("hello", NOW));
    }

    @Test
    void aPemWithDamagedContentIsMalformed() {
        assertCode(ErrorCode.MALFORMED_CERTIFICATE, () -> PemCertificate.parse(
                "-----BEGIN CERTIFICATE-----\nMIIBnotreallyacertificate\n-----END CERTIFICATE-----", NOW));
    }

    @Test
    void twoCertificatesInOneBodyAreMalformed() {
        String pem = TestCertificates.selfSigned("alice", NOW.minus(DAY), NOW.plus(DAY));

        assertCode(ErrorCode.MALFORMED_CERTIFICATE, () -> PemCertificate.parse(pem + pem, NOW));
    }

    @Test
    void anExpiredCertificateIsInvalid() {
        String pem = TestCertificates.selfSigned("old", NOW.minus(DAY.multipliedBy(10)), NOW.minus(DAY));

        assertCode(ErrorCode.INVALID_CERTIFICATE, () -> PemCertificate.parse(pem, NOW));
    }

    @Test
    void aCertificateNotYetValidIsInvalid() {
        String pem = TestCertificates.selfSigned("future", NOW.plus(DAY), NOW.plus(DAY.multipliedBy(10)));

        assertCode(ErrorCode.INVALID_CERTIFICATE, () -> PemCertificate.parse(pem, NOW));
    }

    private static void assertCode(ErrorCode code, org.junit.jupiter.api.function.Executable call) {
        assertEquals(code, assertThrows(IamException.class, call).code());
    }
}
