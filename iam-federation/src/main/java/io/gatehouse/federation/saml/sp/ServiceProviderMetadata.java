package io.gatehouse.federation.saml.sp;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.util.List;

/**
 * Gatehouse's SAML 2.0 service provider metadata (SAML metadata §2.4.4): the entity id, the
 * HTTP-POST assertion consumer service, the NameID formats it reads, and that it wants assertions
 * signed. An identity provider imports this document to add Gatehouse as an application.
 */
public final class ServiceProviderMetadata {

    public static final String METADATA_NS = "urn:oasis:names:tc:SAML:2.0:metadata";
    public static final String MEDIA_TYPE = "application/samlmetadata+xml";
    static final String PROTOCOL_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String HTTP_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    /** The formats AWS reads as SubjectType; persistent first, as the one to prefer. */
    static final List<String> NAME_ID_FORMATS = List.of(
            "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
            "urn:oasis:names:tc:SAML:2.0:nameid-format:transient",
            "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
            "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified");

    private ServiceProviderMetadata() {
    }

    /** The metadata whose default assertion consumer service is {@code consumerService}. */
    public static Document document(ServiceProvider provider, String consumerService) {
        Document document = newDocument();
        Element entity = document.createElementNS(METADATA_NS, "md:EntityDescriptor");
        document.appendChild(entity);
        entity.setAttributeNS(null, "entityID", provider.entityId());
        Element descriptor = child(entity, "md:SPSSODescriptor");
        descriptor.setAttributeNS(null, "AuthnRequestsSigned", "false");
        descriptor.setAttributeNS(null, "WantAssertionsSigned", "true");
        descriptor.setAttributeNS(null, "protocolSupportEnumeration", PROTOCOL_NS);
        NAME_ID_FORMATS.forEach(format -> child(descriptor, "md:NameIDFormat").setTextContent(format));
        Element consumer = child(descriptor, "md:AssertionConsumerService");
        consumer.setAttributeNS(null, "Binding", HTTP_POST);
        consumer.setAttributeNS(null, "Location", consumerService);
        consumer.setAttributeNS(null, "index", "0");
        consumer.setAttributeNS(null, "isDefault", "true");
        return document;
    }

    private static Element child(Element parent, String name) {
        Element child = parent.getOwnerDocument().createElementNS(METADATA_NS, name);
        parent.appendChild(child);
        return child;
    }

    static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser cannot be configured", e);
        }
    }
}
