package io.gatehouse.federation.saml;

import org.apache.xml.security.Init;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.gatehouse.federation.saml.SamlXml.ASSERTION_NS;
import static io.gatehouse.federation.saml.SamlXml.PROTOCOL_NS;

/** Builds a SAML 2.0 Response as an identity provider would, signed with Santuario. */
final class SamlResponseBuilder {

    static final String IDP = "https://idp.example.com/saml";
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

    static {
        Init.init();
    }

    private String responseId = "_response-1";
    private String assertionId = "_assertion-1";
    private Optional<String> responseIssuer = Optional.of(IDP);
    private String assertionIssuer = IDP;
    private Optional<String> destination = Optional.of(SamlTrust.AWS_SIGN_IN);
    private String status = SUCCESS;
    private Optional<String> inResponseTo = Optional.empty();
    private boolean confirmationInResponseTo = true;
    private String nameId = "alice@example.com";
    private String nameIdFormat = PERSISTENT;
    private String audience = SamlTrust.AWS_SIGN_IN;
    private String recipient = SamlTrust.AWS_SIGN_IN;
    private Instant notBefore = NOW.minus(Duration.ofMinutes(1));
    private Instant notOnOrAfter = NOW.plus(Duration.ofMinutes(10));
    private Instant confirmationNotOnOrAfter = NOW.plus(Duration.ofMinutes(5));
    private final Map<String, List<String>> attributes = new LinkedHashMap<>();
    private Optional<SigningIdentity> assertionSigner = Optional.empty();
    private Optional<SigningIdentity> responseSigner = Optional.empty();
    private boolean keyInfo = true;
    private String signatureAlgorithm = XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256;

    SamlResponseBuilder signAssertionWith(SigningIdentity signer) {
        this.assertionSigner = Optional.of(signer);
        return this;
    }

    SamlResponseBuilder signResponseWith(SigningIdentity signer) {
        this.responseSigner = Optional.of(signer);
        return this;
    }

    SamlResponseBuilder withoutKeyInfo() {
        this.keyInfo = false;
        return this;
    }

    SamlResponseBuilder signatureAlgorithm(String algorithm) {
        this.signatureAlgorithm = algorithm;
        return this;
    }

    SamlResponseBuilder issuer(String issuer) {
        this.responseIssuer = Optional.of(issuer);
        this.assertionIssuer = issuer;
        return this;
    }

    SamlResponseBuilder assertionIssuer(String issuer) {
        this.assertionIssuer = issuer;
        return this;
    }

    SamlResponseBuilder destination(String destination) {
        this.destination = Optional.of(destination);
        return this;
    }

    SamlResponseBuilder status(String status) {
        this.status = status;
        return this;
    }

    SamlResponseBuilder inResponseTo(String requestId) {
        this.inResponseTo = Optional.of(requestId);
        return this;
    }

    /** InResponseTo on the Response only, not on the bearer confirmation inside the assertion. */
    SamlResponseBuilder responseOnlyInResponseTo(String requestId) {
        this.inResponseTo = Optional.of(requestId);
        this.confirmationInResponseTo = false;
        return this;
    }

    SamlResponseBuilder nameId(String nameId, String format) {
        this.nameId = nameId;
        this.nameIdFormat = format;
        return this;
    }

    SamlResponseBuilder audience(String audience) {
        this.audience = audience;
        return this;
    }

    SamlResponseBuilder recipient(String recipient) {
        this.recipient = recipient;
        return this;
    }

    SamlResponseBuilder notBefore(Instant notBefore) {
        this.notBefore = notBefore;
        return this;
    }

    SamlResponseBuilder notOnOrAfter(Instant notOnOrAfter) {
        this.notOnOrAfter = notOnOrAfter;
        return this;
    }

    SamlResponseBuilder confirmationNotOnOrAfter(Instant notOnOrAfter) {
        this.confirmationNotOnOrAfter = notOnOrAfter;
        return this;
    }

    SamlResponseBuilder attribute(String name, String... values) {
        attributes.computeIfAbsent(name, n -> new ArrayList<>()).addAll(List.of(values));
        return this;
    }

    String base64() {
        return base64(document());
    }

    /** The Response as a DOM document, signed as configured; tests that attack it edit it further. */
    Document document() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().newDocument();
            Element response = element(document, PROTOCOL_NS, "samlp:Response");
            document.appendChild(response);
            // Declared as attributes, as a parser would see them, so canonicalization signs what is sent.
            response.setAttributeNS(XMLNS, "xmlns:samlp", PROTOCOL_NS);
            response.setAttributeNS(XMLNS, "xmlns:saml", ASSERTION_NS);
            response.setAttributeNS(null, "ID", responseId);
            response.setAttributeNS(null, "Version", "2.0");
            response.setAttributeNS(null, "IssueInstant", NOW.toString());
            destination.ifPresent(d -> response.setAttributeNS(null, "Destination", d));
            inResponseTo.ifPresent(id -> response.setAttributeNS(null, "InResponseTo", id));
            responseIssuer.ifPresent(issuer -> text(response, ASSERTION_NS, "saml:Issuer", issuer));
            Element statusCode = element(document, PROTOCOL_NS, "samlp:StatusCode");
            statusCode.setAttributeNS(null, "Value", status);
            child(response, PROTOCOL_NS, "samlp:Status").appendChild(statusCode);
            Element assertion = assertion(response);
            assertionSigner.ifPresent(signer -> sign(assertion, assertionId, signer));
            responseSigner.ifPresent(signer -> sign(response, responseId, signer));
            return document;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot build the SAML response", e);
        }
    }

    private Element assertion(Element response) {
        Element assertion = child(response, ASSERTION_NS, "saml:Assertion");
        assertion.setAttributeNS(null, "ID", assertionId);
        assertion.setAttributeNS(null, "Version", "2.0");
        assertion.setAttributeNS(null, "IssueInstant", NOW.toString());
        text(assertion, ASSERTION_NS, "saml:Issuer", assertionIssuer);
        Element subject = child(assertion, ASSERTION_NS, "saml:Subject");
        text(subject, ASSERTION_NS, "saml:NameID", nameId).setAttributeNS(null, "Format", nameIdFormat);
        Element confirmation = child(subject, ASSERTION_NS, "saml:SubjectConfirmation");
        confirmation.setAttributeNS(null, "Method", "urn:oasis:names:tc:SAML:2.0:cm:bearer");
        Element data = child(confirmation, ASSERTION_NS, "saml:SubjectConfirmationData");
        data.setAttributeNS(null, "Recipient", recipient);
        data.setAttributeNS(null, "NotOnOrAfter", confirmationNotOnOrAfter.toString());
        inResponseTo.filter(id -> confirmationInResponseTo).ifPresent(id -> data.setAttributeNS(null, "InResponseTo", id));
        Element conditions = child(assertion, ASSERTION_NS, "saml:Conditions");
        conditions.setAttributeNS(null, "NotBefore", notBefore.toString());
        conditions.setAttributeNS(null, "NotOnOrAfter", notOnOrAfter.toString());
        text(child(conditions, ASSERTION_NS, "saml:AudienceRestriction"), ASSERTION_NS, "saml:Audience", audience);
        Element authn = child(assertion, ASSERTION_NS, "saml:AuthnStatement");
        authn.setAttributeNS(null, "AuthnInstant", NOW.minus(Duration.ofSeconds(30)).toString());
        if (!attributes.isEmpty()) {
            Element statement = child(assertion, ASSERTION_NS, "saml:AttributeStatement");
            attributes.forEach((name, values) -> {
                Element attribute = child(statement, ASSERTION_NS, "saml:Attribute");
                attribute.setAttributeNS(null, "Name", name);
                values.forEach(value -> text(attribute, ASSERTION_NS, "saml:AttributeValue", value));
            });
        }
        return assertion;
    }

    /** An enveloped signature placed after the Issuer, where the SAML schema wants it. */
    private void sign(Element element, String id, SigningIdentity signer) {
        try {
            Document document = element.getOwnerDocument();
            element.setIdAttributeNS(null, "ID", true);
            XMLSignature signature = new XMLSignature(document, "", signer.certificate().getPublicKey()
                    .getAlgorithm().equals("EC") ? XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256 : signatureAlgorithm,
                    Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            var issuer = SamlXml.optionalChild(element, ASSERTION_NS, "Issuer");
            element.insertBefore(signature.getElement(),
                    issuer.isPresent() ? issuer.get().getNextSibling() : element.getFirstChild());
            Transforms transforms = new Transforms(document);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.addDocument("#" + id, transforms, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
            if (keyInfo) {
                signature.addKeyInfo(signer.certificate());
            }
            signature.sign(signer.privateKey());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot sign the SAML " + element.getLocalName(), e);
        }
    }

    static String base64(Document document) {
        return Base64.getEncoder().encodeToString(serialize(document).getBytes(StandardCharsets.UTF_8));
    }

    static String serialize(Document document) {
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot serialize the SAML response", e);
        }
    }

    private static Element element(Document document, String namespace, String qualifiedName) {
        return document.createElementNS(namespace, qualifiedName);
    }

    static Element child(Element parent, String namespace, String qualifiedName) {
        Element child = element(parent.getOwnerDocument(), namespace, qualifiedName);
        parent.appendChild(child);
        return child;
    }

    private static Element text(Element parent, String namespace, String qualifiedName, String text) {
        Element child = child(parent, namespace, qualifiedName);
        child.setTextContent(text);
        return child;
    }
}
