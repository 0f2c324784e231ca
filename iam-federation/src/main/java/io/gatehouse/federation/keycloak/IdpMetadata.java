package io.gatehouse.federation.keycloak;

import io.gatehouse.federation.xml.HardenedXml;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The parts of a realm's SAML IdP metadata ({@code EntityDescriptor}) that Gatehouse trusts it
 * by: its entity ID and the certificates of its {@code IDPSSODescriptor}'s signing keys. Parsed
 * with DOCTYPEs refused, so the document cannot pull in entities.
 */
record IdpMetadata(String entityId, List<X509Certificate> signingCertificates) {

    private static final String METADATA_NS = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

    IdpMetadata {
        signingCertificates = List.copyOf(signingCertificates);
    }

    static IdpMetadata parse(String xml) {
        Element root = document(xml).getDocumentElement();
        if (!METADATA_NS.equals(root.getNamespaceURI()) || !"EntityDescriptor".equals(root.getLocalName())) {
            throw invalid("is not a SAML EntityDescriptor");
        }
        String entityId = root.getAttribute("entityID").strip();
        if (entityId.isEmpty()) {
            throw invalid("has no entityID");
        }
        NodeList idps = root.getElementsByTagNameNS(METADATA_NS, "IDPSSODescriptor");
        if (idps.getLength() != 1) {
            throw invalid("must describe exactly one IDPSSODescriptor");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        NodeList keys = ((Element) idps.item(0)).getElementsByTagNameNS(METADATA_NS, "KeyDescriptor");
        for (int i = 0; i < keys.getLength(); i++) {
            Element key = (Element) keys.item(i);
            String use = key.getAttribute("use");
            // A KeyDescriptor without "use" serves both signing and encryption (SAML metadata §2.4.1.1).
            if (use.isEmpty() || use.equals("signing")) {
                NodeList values = key.getElementsByTagNameNS(DSIG_NS, "X509Certificate");
                for (int j = 0; j < values.getLength(); j++) {
                    X509Certificate certificate = certificate(values.item(j).getTextContent());
                    if (!certificates.contains(certificate)) {
                        certificates.add(certificate);
                    }
                }
            }
        }
        if (certificates.isEmpty()) {
            throw invalid("names no signing certificate");
        }
        return new IdpMetadata(entityId, certificates);
    }

    private static X509Certificate certificate(String base64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64.strip());
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException e) {
            throw invalid("holds a signing certificate that is not a valid X.509 certificate");
        }
    }

    private static Document document(String xml) {
        try {
            return HardenedXml.documentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (SAXException | IOException e) {
            throw invalid(e instanceof SAXException sax && HardenedXml.isDoctypeRefusal(sax)
                    ? "must not contain a DOCTYPE declaration" : "is not well-formed XML");
        }
    }

    private static IamException invalid(String problem) {
        return new IamException(ErrorCode.IDP_COMMUNICATION_ERROR, "The realm's SAML IdP metadata " + problem + ".");
    }
}
