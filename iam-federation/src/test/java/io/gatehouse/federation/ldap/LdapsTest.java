package io.gatehouse.federation.ldap;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Sign-in over ldaps://, with the directory's certificate checked for trust and for its host. */
class LdapsTest {

    private static final char[] KEY_PASSWORD = "keystore".toCharArray();

    @Test
    void signsInOverLdapsTrustingTheDirectorysCertificate() throws Exception {
        Credential loopback = Credential.issue(new GeneralName(GeneralName.dNSName, "localhost"));
        try (TestDirectory directory = new TestDirectory(loopback.serverContext());
             LdapAuthenticator authenticator = new LdapAuthenticator(atLocalhost(directory),
                     ActiveDirectorySignInTest.CLOCK, loopback.trustingContext().getSocketFactory())) {

            assertEquals(ActiveDirectorySignInTest.ALICE_DN, authenticator.authenticate("alice", "Wonderland-1865").dn());
        }
    }

    @Test
    void refusesDirectoryWhoseCertificateIsNotTrusted() throws Exception {
        Credential served = Credential.issue(new GeneralName(GeneralName.dNSName, "localhost"));
        Credential trusted = Credential.issue(new GeneralName(GeneralName.dNSName, "localhost"));
        try (TestDirectory directory = new TestDirectory(served.serverContext());
             LdapAuthenticator authenticator = new LdapAuthenticator(atLocalhost(directory),
                     ActiveDirectorySignInTest.CLOCK, trusted.trustingContext().getSocketFactory())) {

            IamException e = assertThrows(IamException.class, () -> authenticator.authenticate("alice", "Wonderland-1865"));
            assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, e.code());
        }
    }

    @Test
    void refusesCertificateIssuedForAnotherHost() throws Exception {
        // An address rather than a name: the check would look a name up, and there is no DNS here.
        Credential elsewhere = Credential.issue(new GeneralName(GeneralName.iPAddress, "192.0.2.10"));
        try (TestDirectory directory = new TestDirectory(elsewhere.serverContext());
             LdapAuthenticator authenticator = new LdapAuthenticator(atLocalhost(directory),
                     ActiveDirectorySignInTest.CLOCK, elsewhere.trustingContext().getSocketFactory())) {

            IamException e = assertThrows(IamException.class, () -> authenticator.authenticate("alice", "Wonderland-1865"));
            assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, e.code());
        }
    }

    /**
     * The directory addressed by name: UnboundID's host name check accepts any certificate on a
     * numeric loopback address, so only a name exercises it.
     */
    private static LdapDirectory atLocalhost(TestDirectory directory) {
        LdapDirectory d = directory.activeDirectory();
        return new LdapDirectory(URI.create("ldaps://localhost:" + d.port()), d.bindDn(), d.bindPassword(),
                d.userSearchBase(), d.userFilter(), d.groupSearchBase(), d.groups(), d.activeDirectory(), d.timeout());
    }

    /** A self-signed certificate naming {@code subjectAltName}, and its key. */
    private record Credential(KeyPair keys, X509Certificate certificate) {

        static Credential issue(GeneralName subjectAltName) throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name subject = new X500Name("CN=directory");
            var builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(1))), subject,
                    keys.getPublic())
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(subjectAltName));
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return new Credential(keys, certificate);
        }

        SSLContext serverContext() throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("directory", keys.getPrivate(), KEY_PASSWORD, new X509Certificate[] {certificate});
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(store, KEY_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context;
        }

        SSLContext trustingContext() throws Exception {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("directory", certificate);
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context;
        }
    }
}
