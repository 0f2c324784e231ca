package io.gatehouse.core.credential;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

/**
 * An uploaded X.509 certificate in PEM, parsed by the JDK. Unreadable text is AWS's
 * {@code MalformedCertificate}; a certificate outside its validity period is {@code InvalidCertificate}.
 */
public record PemCertificate(X509Certificate certificate, String fingerprint) {

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String END = "-----END CERTIFICATE-----";

    /** Parses exactly one PEM certificate and checks it is valid at {@code now}. */
    public static PemCertificate parse(String body, Instant now) {
        String trimmed = body.strip();
        if (!trimmed.startsWith(BEGIN) || !trimmed.endsWith(END) || trimmed.indexOf(BEGIN, 1) >= 0) {
            throw malformed();
        }
        X509Certificate certificate;
        try {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(trimmed.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException | IllegalArgumentException e) {
            throw malformed();
        }
        try {
            certificate.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            throw new IamException(ErrorCode.INVALID_CERTIFICATE, "The certificate has expired.");
        } catch (CertificateNotYetValidException e) {
            throw new IamException(ErrorCode.INVALID_CERTIFICATE, "The certificate is not yet valid.");
        }
        return new PemCertificate(certificate, fingerprint(certificate));
    }

    /** Upper-case hex SHA-256 of the DER encoding: equal for the same certificate however it was wrapped. */
    private static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a parsed certificate", e);
        }
    }

    private static IamException malformed() {
        return new IamException(ErrorCode.MALFORMED_CERTIFICATE, "Unable to parse certificate. Please ensure the certificate is in PEM format.");
    }
}
