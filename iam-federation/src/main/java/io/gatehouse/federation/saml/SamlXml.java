package io.gatehouse.federation.saml;

import io.gatehouse.federation.xml.HardenedXml;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
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
            return HardenedXml.documentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            String reason = HardenedXml.isDoctypeRefusal(e)
                    ? "must not contain a DOCTYPE declaration"
                    : "is not well-formed XML (line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ")";
            throw invalid("The SAML response " + reason + ".");
        } catch (SAXException | IOException e) {
            throw invalid("The SAML response is not well-formed XML.");
        }
    }

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
