package io.gatehouse.federation.saml;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The XML side of SAML: a parser hardened against entity attacks (no DOCTYPE at all, so neither
 * XXE nor "billion laughs"), and strict readers for the elements and attributes of the protocol.
 */
final class SamlXml {

    static final String PROTOCOL_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

    private SamlXml() {
    }

    static Document parse(byte[] xml) {
        try {
            DocumentBuilder builder = hardenedFactory().newDocumentBuilder();
            builder.setErrorHandler(FAIL_ON_ERROR);
            // Unreachable while DOCTYPE is refused; a second lock should the factory ever be loosened.
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            String reason = e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                    ? "must not contain a DOCTYPE declaration"
                    : "is not well-formed XML (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")";
            throw invalid("The SAML response " + reason + ".");
        } catch (SAXException | IOException e) {
            throw invalid("The SAML response is not well-formed XML.");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be hardened", e);
        }
    }

    private static DocumentBuilderFactory hardenedFactory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    private static final ErrorHandler FAIL_ON_ERROR = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    static boolean is(Node node, String namespace, String localName) {
        return node instanceof Element element
                && namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    /** The direct children named so, in document order. */
    static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (is(child, namespace, localName)) {
                found.add((Element) child);
            }
        }
        return found;
    }

    /** The one direct child named so, if any; two of them is a malformed message. */
    static Optional<Element> optionalChild(Element parent, String namespace, String localName) {
        List<Element> found = children(parent, namespace, localName);
        if (found.size() > 1) {
            throw invalid("The SAML " + parent.getLocalName() + " has more than one " + localName + ".");
        }
        return found.stream().findFirst();
    }

    static Element child(Element parent, String namespace, String localName) {
        return optionalChild(parent, namespace, localName)
                .orElseThrow(() -> invalid("The SAML " + parent.getLocalName() + " has no " + localName + "."));
    }

    /** Every element named so anywhere below {@code root}, however deeply nested. */
    static List<Element> descendants(Element root, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        var nodes = root.getElementsByTagNameNS(namespace, localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add((Element) nodes.item(i));
        }
        return found;
    }

    /** An unqualified attribute; an empty one counts as absent, as SAML processors treat it. */
    static Optional<String> attribute(Element element, String name) {
        Attr attr = element.getAttributeNodeNS(null, name);
        return attr == null || attr.getValue().isBlank() ? Optional.empty() : Optional.of(attr.getValue().strip());
    }

    static String requiredAttribute(Element element, String name) {
        return attribute(element, name)
                .orElseThrow(() -> invalid("The SAML " + element.getLocalName() + " has no " + name + " attribute."));
    }

    static Optional<Instant> instant(Element element, String name) {
        return attribute(element, name).map(value -> {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                throw invalid("The " + name + " of the SAML " + element.getLocalName() + " is not a valid time.");
            }
        });
    }

    /**
     * The text of a simple element (Issuer, NameID, StatusCode...). Element children are refused;
     * comments split the text into several nodes, which are joined, so a comment cannot truncate
     * a signed value as in CVE-2017-11427.
     */
    static String text(Element element) {
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text.append(child.getNodeValue());
                case Node.COMMENT_NODE, Node.PROCESSING_INSTRUCTION_NODE -> { }
                default -> throw invalid("The SAML " + element.getLocalName() + " must hold text only.");
            }
        }
        return text.toString().strip();
    }

    static IamException invalid(String message) {
        return new IamException(ErrorCode.INVALID_IDENTITY_TOKEN, message);
    }
}
