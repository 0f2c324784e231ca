package io.gatehouse.federation.saml;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

/** An identity provider's signing key and its self-signed certificate, made fresh for tests. */
record SigningIdentity(PrivateKey privateKey, X509Certificate certificate) {

    private static final AtomicLong SERIALS = new AtomicLong(1);

    static SigningIdentity rsa(String commonName) {
        return generate(commonName, "RSA", "SHA256withRSA");
    }

    static SigningIdentity ec(String commonName) {
        return generate(commonName, "EC", "SHA256withECDSA");
    }

    private static SigningIdentity generate(String commonName, String keyAlgorithm, String certificateSignature) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm);
            if (keyAlgorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + commonName);
            Instant from = Instant.parse("2026-01-01T00:00:00Z");
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(SERIALS.getAndIncrement()),
                    Date.from(from), Date.from(from.plus(Duration.ofDays(3650))), name, keys.getPublic());
            var signer = new JcaContentSignerBuilder(certificateSignature).build(keys.getPrivate());
            return new SigningIdentity(keys.getPrivate(), new JcaX509CertificateConverter().getCertificate(builder.build(signer)));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot make a test signing identity", e);
        }
    }
}
