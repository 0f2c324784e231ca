package io.gatehouse.web.rest;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The thumbprint of an issuer's TLS chain, read from a real TLS server on loopback. */
class IssuerThumbprintTest {

    private static final char[] KEY_PASSWORD = "test-only".toCharArray();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final AtomicLong SERIALS = new AtomicLong(1);

    private SSLServerSocket server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void isTheSha1OfTheTopCertificateOfTheChainTheIssuerPresents() throws Exception {
        Issued ca = Issued.authority("CN=Test Root CA");
        Issued leaf = ca.issue("CN=sso", new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        URI issuer = serve(leaf, ca);

        List<String> thumbprints = IssuerThumbprint.of(issuer, TIMEOUT, trusting(ca));

        assertEquals(List.of(sha1(ca.certificate())), thumbprints);
    }

    @Test
    void refusesAChainIssuedForAnotherHost() throws Exception {
        Issued ca = Issued.authority("CN=Test Root CA");
        Issued elsewhere = ca.issue("CN=elsewhere", new GeneralName(GeneralName.iPAddress, "192.0.2.10"));
        URI issuer = serve(elsewhere, ca);

        IamException refused = assertThrows(IamException.class, () -> IssuerThumbprint.of(issuer, TIMEOUT, trusting(ca)));

        assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, refused.code());
        assertTrue(refused.getMessage().contains(issuer.toString()), refused.getMessage());
    }

    @Test
    void refusesAChainFromAnUntrustedAuthority() throws Exception {
        Issued ca = Issued.authority("CN=Test Root CA");
        Issued leaf = ca.issue("CN=sso", new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        URI issuer = serve(leaf, ca);

        IamException refused = assertThrows(IamException.class, () -> IssuerThumbprint.of(issuer, TIMEOUT,
                trusting(Issued.authority("CN=Another CA"))));

        assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, refused.code());
    }

    @Test
    void aLoopbackHttpIssuerHasNoThumbprint() {
        assertEquals(List.of(), IssuerThumbprint.of(URI.create("http://127.0.0.1:8080/realms/acme"), TIMEOUT));
    }

    /** A TLS server on loopback presenting {@code chain}; it completes each handshake and hangs up. */
    private URI serve(Issued leaf, Issued ca) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("sso", leaf.keys().getPrivate(), KEY_PASSWORD,
                new X509Certificate[] {leaf.certificate(), ca.certificate()});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, KEY_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try (SSLSocket client = (SSLSocket) server.accept()) {
                    client.startHandshake();
                } catch (IOException e) {
                    // A refused handshake is what some tests expect; the next client is served.
                }
            }
        }, "tls-issuer");
        acceptor.setDaemon(true);
        acceptor.start();
        return URI.create("https://127.0.0.1:" + server.getLocalPort() + "/realms/acme");
    }

    private static SSLSocketFactory trusting(Issued ca) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", ca.certificate());
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    private static String sha1(X509Certificate certificate) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(certificate.getEncoded()));
    }

    /** A key pair and its certificate: a self-signed authority, or a server certificate it issued. */
    private record Issued(KeyPair keys, X509Certificate certificate) {

        static Issued authority(String name) throws Exception {
            KeyPair keys = newKeys();
            X500Name subject = new X500Name(name);
            var builder = builder(subject, subject, keys)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            return new Issued(keys, sign(builder, keys));
        }

        Issued issue(String name, GeneralName subjectAltName) throws Exception {
            KeyPair leafKeys = newKeys();
            var builder = builder(new X500Name(certificate.getSubjectX500Principal().getName()), new X500Name(name), leafKeys)
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(subjectAltName));
            return new Issued(leafKeys, sign(builder, keys));
        }

        private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
            Instant now = Instant.now();
            return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIALS.getAndIncrement()),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), subject,
                    keys.getPublic());
        }

        private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer) throws Exception {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
        }

        private static KeyPair newKeys() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            return generator.generateKeyPair();
        }
    }
}
