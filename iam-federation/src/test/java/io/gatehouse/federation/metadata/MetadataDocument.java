package io.gatehouse.federation.metadata;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/** A test data builder of SAML identity provider metadata, with real self-signed certificates. */
final class MetadataDocument {

    private String entityId = "https://idp.example.com/saml";
    private String validUntil = "";
    private String protocols = DomSamlMetadataReader.SAML2_PROTOCOL;
    private final List<String> keyDescriptors = new ArrayList<>();
    private final List<String> endpoints = new ArrayList<>();
    private boolean idp = true;
    private String prologue = "";

    static MetadataDocument idp() {
        return new MetadataDocument();
    }

    MetadataDocument entityId(String id) {
        this.entityId = id;
        return this;
    }

    MetadataDocument validUntil(String text) {
        this.validUntil = " validUntil=\"" + text + "\"";
        return this;
    }

    MetadataDocument protocols(String text) {
        this.protocols = text;
        return this;
    }

    MetadataDocument withoutIdpDescriptor() {
        this.idp = false;
        return this;
    }

    MetadataDocument prologue(String text) {
        this.prologue = text;
        return this;
    }

    /** A KeyDescriptor whose use attribute is {@code use}, or absent when {@code use} is empty. */
    MetadataDocument key(String use, String base64Certificate) {
        String attribute = use.isEmpty() ? "" : " use=\"" + use + "\"";
        keyDescriptors.add("<md:KeyDescriptor" + attribute + "><ds:KeyInfo><ds:X509Data><ds:X509Certificate>\n"
                + base64Certificate + "\n</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>");
        return this;
    }

    MetadataDocument ssoEndpoint(String binding, String location) {
        endpoints.add("<md:SingleSignOnService Binding=\"" + binding + "\" Location=\"" + location + "\"/>");
        return this;
    }

    String build() {
        String descriptor = idp
                ? "<md:IDPSSODescriptor protocolSupportEnumeration=\"" + protocols + "\">"
                + String.join("", keyDescriptors) + String.join("", endpoints) + "</md:IDPSSODescriptor>"
                : "<md:SPSSODescriptor protocolSupportEnumeration=\"" + protocols + "\"/>";
        return prologue + "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" "
                + "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"" + entityId + "\"" + validUntil + ">"
                + descriptor + "</md:EntityDescriptor>";
    }

    /** A fresh self-signed certificate, base64 DER wrapped at 64 columns as metadata usually has it. */
    static String certificate(String commonName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + commonName);
            Instant now = Instant.now();
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()), Date.from(now),
                            Date.from(now.plus(365, ChronoUnit.DAYS)), name, keys.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            return Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
