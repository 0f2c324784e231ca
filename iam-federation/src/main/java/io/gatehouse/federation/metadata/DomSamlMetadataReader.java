package io.gatehouse.federation.metadata;

import io.gatehouse.federation.xml.HardenedXml;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.federation.SamlMetadataReader;
import io.gatehouse.core.federation.SamlProviderMetadata;
import io.gatehouse.core.federation.SsoEndpoint;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads SAML 2.0 metadata with the JDK's DOM parser, hardened against XML attacks: no DOCTYPE
 * (so no entity expansion), no external entities, DTDs or schemas, no XInclude. What it reads is
 * what IAM needs of an identity provider: {@code md:EntityDescriptor/@entityID} and
 * {@code @validUntil}, the {@code md:IDPSSODescriptor}'s signing certificates (a
 * {@code md:KeyDescriptor} with {@code use="signing"} or no {@code use}) and its
 * {@code md:SingleSignOnService} endpoints.
 */
public final class DomSamlMetadataReader implements SamlMetadataReader {

    static final String METADATA_NS = "urn:oasis:names:tc:SAML:2.0:metadata";
    static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
    static final String SAML2_PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";


    @Override
    public SamlProviderMetadata read(String document) {
        Element entity = parse(document).getDocumentElement();
        if (!isMetadata(entity, "EntityDescriptor")) {
            throw invalid("the root element must be md:EntityDescriptor, found " + describe(entity));
        }
        String entityId = entity.getAttribute("entityID").strip();
        if (entityId.isEmpty()) {
            throw invalid("md:EntityDescriptor has no entityID");
        }
        List<Element> idps = children(entity, METADATA_NS, "IDPSSODescriptor");
        if (idps.isEmpty()) {
            throw invalid("no md:IDPSSODescriptor: the document does not describe an identity provider");
        }
        List<String> certificates = new ArrayList<>();
        List<SsoEndpoint> endpoints = new ArrayList<>();
        for (Element idp : idps) {
            if (!supportsSaml2(idp)) {
                throw invalid("md:IDPSSODescriptor does not list " + SAML2_PROTOCOL + " in protocolSupportEnumeration");
            }
            certificates.addAll(signingCertificates(idp));
            endpoints.addAll(ssoEndpoints(idp));
        }
        if (certificates.isEmpty()) {
            throw invalid("the md:IDPSSODescriptor has no signing certificate "
                    + "(md:KeyDescriptor/ds:KeyInfo/ds:X509Data/ds:X509Certificate)");
        }
        return new SamlProviderMetadata(entityId, certificates, endpoints, validUntil(entity));
    }

    private Document parse(String document) {
        try {
            return HardenedXml.documentBuilder().parse(new InputSource(new StringReader(document)));
        } catch (SAXParseException e) {
            String reason = HardenedXml.isDoctypeRefusal(e)
                    ? "a DOCTYPE declaration is not allowed"
                    : "not well-formed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber()
                    + ": " + e.getMessage();
            throw invalid(reason);
        } catch (SAXException | IOException e) {
            throw invalid("not readable XML: " + e.getMessage());
        }
    }

    private static boolean supportsSaml2(Element idp) {
        for (String protocol : idp.getAttribute("protocolSupportEnumeration").trim().split("\\s+")) {
            if (protocol.equals(SAML2_PROTOCOL)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> signingCertificates(Element idp) {
        List<String> certificates = new ArrayList<>();
        for (Element key : children(idp, METADATA_NS, "KeyDescriptor")) {
            String use = key.getAttribute("use").strip();
            if (!use.isEmpty() && !use.equals("signing")) {
                continue;
            }
            for (Element keyInfo : children(key, DSIG_NS, "KeyInfo")) {
                for (Element x509Data : children(keyInfo, DSIG_NS, "X509Data")) {
                    for (Element certificate : children(x509Data, DSIG_NS, "X509Certificate")) {
                        certificates.add(certificate(certificate.getTextContent(), certificates.size() + 1));
                    }
                }
            }
        }
        return certificates;
    }

    /** The certificate as base64 DER without line breaks, once the JDK has parsed it as X.509. */
    private static String certificate(String text, int position) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(text.strip());
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
            throw invalid("signing certificate " + position + " is not a valid base64-encoded X.509 certificate");
        }
    }

    private static List<SsoEndpoint> ssoEndpoints(Element idp) {
        List<SsoEndpoint> endpoints = new ArrayList<>();
        for (Element service : children(idp, METADATA_NS, "SingleSignOnService")) {
            String binding = service.getAttribute("Binding").strip();
            String location = service.getAttribute("Location").strip();
            if (binding.isEmpty() || location.isEmpty()) {
                throw invalid("md:SingleSignOnService needs both Binding and Location");
            }
            endpoints.add(new SsoEndpoint(binding, location));
        }
        return endpoints;
    }

    /** xs:dateTime; a time without a zone is taken as UTC, as SAML requires UTC throughout. */
    private static Optional<Instant> validUntil(Element entity) {
        String text = entity.getAttribute("validUntil").strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            XMLGregorianCalendar calendar = DatatypeFactory.newInstance().newXMLGregorianCalendar(text);
            if (calendar.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
                calendar.setTimezone(0);
            }
            return Optional.of(calendar.toGregorianCalendar().toInstant());
        } catch (IllegalArgumentException e) {
            throw invalid("validUntil " + text + " is not an xs:dateTime");
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException("No XML datatype factory", e);
        }
    }

    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && namespace.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    private static boolean isMetadata(Element element, String localName) {
        return METADATA_NS.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    private static String describe(Element element) {
        String namespace = element.getNamespaceURI();
        return "{" + (namespace == null ? "" : namespace) + "}" + element.getLocalName();
    }

    private static IamException invalid(String problem) {
        return new IamException(ErrorCode.INVALID_INPUT, "Invalid SAML metadata document: " + problem + ".");
    }
}
