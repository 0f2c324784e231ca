package io.gatehouse.federation.keycloak;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading a realm's IdP metadata: the entity ID and signing certificates, and nothing dangerous. */
class IdpMetadataTest {

    private static final X509Certificate SIGNING = certificate("CN=signing");
    private static final X509Certificate ENCRYPTION = certificate("CN=encryption");

    @Test
    void readsEntityIdAndSigningCertificates() {
        IdpMetadata metadata = IdpMetadata.parse(descriptor(key("signing", SIGNING)));
        assertEquals("http://127.0.0.1:8080/realms/acme", metadata.entityId());
        assertEquals(List.of(SIGNING), metadata.signingCertificates());
    }

    @Test
    void leavesOutEncryptionOnlyKeys() {
        IdpMetadata metadata = IdpMetadata.parse(descriptor(key("signing", SIGNING) + key("encryption", ENCRYPTION)));
        assertEquals(List.of(SIGNING), metadata.signingCertificates());
    }

    @Test
    void takesKeysWithoutUseAsSigningKeys() {
        IdpMetadata metadata = IdpMetadata.parse(descriptor(key(null, SIGNING)));
        assertEquals(List.of(SIGNING), metadata.signingCertificates());
    }

    @Test
    void refusesMetadataWithADoctype() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + descriptor(key("signing", SIGNING)).replace("<?xml version=\"1.0\"?>", "");
        IamException refused = assertThrows(IamException.class, () -> IdpMetadata.parse(xml));
        assertEquals(ErrorCode.IDP_COMMUNICATION_ERROR, refused.code());
        assertTrue(refused.getMessage().contains("DOCTYPE"), refused.getMessage());
    }

    @Test
    void refusesMetadataWithoutSigningCertificate() {
        IamException refused = assertThrows(IamException.class,
                () -> IdpMetadata.parse(descriptor(key("encryption", ENCRYPTION))));
        assertTrue(refused.getMessage().contains("no signing certificate"), refused.getMessage());
    }

    @Test
    void refusesADocumentThatIsNotAnEntityDescriptor() {
        IamException refused = assertThrows(IamException.class,
                () -> IdpMetadata.parse("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>"));
        assertTrue(refused.getMessage().contains("not a SAML EntityDescriptor"), refused.getMessage());
    }

    private static String descriptor(String keys) {
        return "<?xml version=\"1.0\"?><md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" "
                + "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"http://127.0.0.1:8080/realms/acme\">"
                + "<md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">" + keys
                + "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" "
                + "Location=\"http://127.0.0.1:8080/realms/acme/protocol/saml\"/></md:IDPSSODescriptor></md:EntityDescriptor>";
    }

    private static String key(String use, X509Certificate certificate) {
        try {
            return "<md:KeyDescriptor" + (use == null ? "" : " use=\"" + use + "\"") + "><ds:KeyInfo><ds:X509Data>"
                    + "<ds:X509Certificate>" + Base64.getMimeEncoder().encodeToString(certificate.getEncoded())
                    + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(String subject) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name(subject);
            Instant from = Instant.parse("2026-01-01T00:00:00Z");
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(from),
                    Date.from(from.plus(3650, ChronoUnit.DAYS)), name, keys.getPublic());
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot make a test certificate", e);
        }
    }
}
