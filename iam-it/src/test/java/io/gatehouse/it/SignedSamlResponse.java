package io.gatehouse.it;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A SAML 2.0 Response as an identity provider posts it to AWS's sign-in endpoint, its assertion
 * signed with the JDK's XML signature API and a fresh self-signed certificate.
 */
final class SignedSamlResponse {

    static final String AWS_SIGN_IN = "https://signin.aws.amazon.com/saml";
    /** Where the identity provider's metadata says an HTTP-Redirect AuthnRequest goes. */
    static final String SSO_REDIRECT = "https://idp.example.com/sso/redirect";
    private static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    /** An identity provider: its entity id, signing key and certificate. */
    record IdentityProvider(String entityId, KeyPair keys, X509Certificate certificate) {

        static IdentityProvider generate(String entityId) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair keys = generator.generateKeyPair();
                X500Name name = new X500Name("CN=idp");
                Instant from = Instant.now().minus(Duration.ofDays(1));
                var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(from.toEpochMilli()),
                        Date.from(from), Date.from(from.plus(Duration.ofDays(365))), name, keys.getPublic());
                X509Certificate certificate = new JcaX509CertificateConverter()
                        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
                return new IdentityProvider(entityId, keys, certificate);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot make an identity provider key", e);
            }
        }

        /** Its metadata document, over AWS's 1,000-character minimum as real metadata is. */
        String metadata() {
            try {
                String certificate = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(this.certificate.getEncoded());
                return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\""
                        + " xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" entityID=\"" + entityId + "\">\n"
                        + "  <md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">\n"
                        + "    <md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>\n"
                        + certificate + "\n"
                        + "    </ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>\n"
                        + "    <md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\""
                        + " Location=\"https://idp.example.com/sso/post\"/>\n"
                        + "    <md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\""
                        + " Location=\"" + SSO_REDIRECT + "\"/>\n"
                        + "  </md:IDPSSODescriptor>\n"
                        + "</md:EntityDescriptor>\n";
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final IdentityProvider idp;
    private final Map<String, List<String>> attributes = new LinkedHashMap<>();
    private String subject = "alice@example.com";
    private Instant notOnOrAfter = Instant.now().plus(Duration.ofMinutes(5));
    private boolean signed = true;
    private String endpoint = AWS_SIGN_IN;
    private String inResponseTo;

    SignedSamlResponse(IdentityProvider idp) {
        this.idp = idp;
    }

    /** A response offering {@code roleArn} with {@code providerArn}, for session {@code sessionName}. */
    static SignedSamlResponse offering(IdentityProvider idp, String roleArn, String providerArn, String sessionName) {
        return new SignedSamlResponse(idp)
                .attribute("https://aws.amazon.com/SAML/Attributes/Role", roleArn + "," + providerArn)
                .attribute("https://aws.amazon.com/SAML/Attributes/RoleSessionName", sessionName);
    }

    SignedSamlResponse attribute(String name, String... values) {
        attributes.put(name, List.of(values));
        return this;
    }

    SignedSamlResponse expiredAt(Instant instant) {
        notOnOrAfter = instant;
        return this;
    }

    /** Destination, recipient and audience: the service provider endpoint the response is posted to. */
    SignedSamlResponse addressedTo(String url) {
        endpoint = url;
        return this;
    }

    /** Answers the authentication request with this ID (on the Response and its bearer confirmation). */
    SignedSamlResponse inResponseTo(String requestId) {
        inResponseTo = requestId;
        return this;
    }

    SignedSamlResponse unsigned() {
        signed = false;
        return this;
    }

    String subject() {
        return subject;
    }

    String base64() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().newDocument();
            Instant now = Instant.now();
            Element response = document.createElementNS(PROTOCOL, "samlp:Response");
            document.appendChild(response);
            response.setAttributeNS(XMLNS, "xmlns:samlp", PROTOCOL);
            response.setAttributeNS(XMLNS, "xmlns:saml", ASSERTION);
            response.setAttributeNS(null, "ID", "_" + UUID.randomUUID());
            response.setAttributeNS(null, "Version", "2.0");
            response.setAttributeNS(null, "IssueInstant", now.toString());
            response.setAttributeNS(null, "Destination", endpoint);
            if (inResponseTo != null) {
                response.setAttributeNS(null, "InResponseTo", inResponseTo);
            }
            text(response, ASSERTION, "saml:Issuer", idp.entityId());
            child(child(response, PROTOCOL, "samlp:Status"), PROTOCOL, "samlp:StatusCode")
                    .setAttributeNS(null, "Value", "urn:oasis:names:tc:SAML:2.0:status:Success");
            Element assertion = child(response, ASSERTION, "saml:Assertion");
            String assertionId = "_" + UUID.randomUUID();
            assertion.setAttributeNS(null, "ID", assertionId);
            assertion.setAttributeNS(null, "Version", "2.0");
            assertion.setAttributeNS(null, "IssueInstant", now.toString());
            Element issuer = text(assertion, ASSERTION, "saml:Issuer", idp.entityId());
            Element subjectElement = child(assertion, ASSERTION, "saml:Subject");
            text(subjectElement, ASSERTION, "saml:NameID", subject)
                    .setAttributeNS(null, "Format", "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent");
            Element confirmation = child(subjectElement, ASSERTION, "saml:SubjectConfirmation");
            confirmation.setAttributeNS(null, "Method", "urn:oasis:names:tc:SAML:2.0:cm:bearer");
            Element data = child(confirmation, ASSERTION, "saml:SubjectConfirmationData");
            data.setAttributeNS(null, "Recipient", endpoint);
            if (inResponseTo != null) {
                data.setAttributeNS(null, "InResponseTo", inResponseTo);
            }
            data.setAttributeNS(null, "NotOnOrAfter", notOnOrAfter.toString());
            Element conditions = child(assertion, ASSERTION, "saml:Conditions");
            conditions.setAttributeNS(null, "NotBefore", now.minus(Duration.ofMinutes(1)).toString());
            conditions.setAttributeNS(null, "NotOnOrAfter", notOnOrAfter.toString());
            text(child(conditions, ASSERTION, "saml:AudienceRestriction"), ASSERTION, "saml:Audience", endpoint);
            child(assertion, ASSERTION, "saml:AuthnStatement").setAttributeNS(null, "AuthnInstant", now.toString());
            Element statement = child(assertion, ASSERTION, "saml:AttributeStatement");
            attributes.forEach((name, values) -> {
                Element attribute = child(statement, ASSERTION, "saml:Attribute");
                attribute.setAttributeNS(null, "Name", name);
                values.forEach(value -> text(attribute, ASSERTION, "saml:AttributeValue", value));
            });
            if (signed) {
                sign(assertion, assertionId, issuer);
            }
            StringWriter out = new StringWriter();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return Base64.getEncoder().encodeToString(out.toString().getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot build the SAML response", e);
        }
    }

    /** An enveloped signature right after the Issuer, where the SAML schema puts it. */
    private void sign(Element assertion, String id, Element issuer) throws Exception {
        assertion.setIdAttributeNS(null, "ID", true);
        XMLSignatureFactory xml = XMLSignatureFactory.getInstance("DOM");
        Reference reference = xml.newReference("#" + id, xml.newDigestMethod(DigestMethod.SHA256, null),
                List.of(xml.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                        xml.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                null, null);
        SignedInfo info = xml.newSignedInfo(
                xml.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                xml.newSignatureMethod(SignatureMethod.RSA_SHA256, null), List.of(reference));
        DOMSignContext context = new DOMSignContext(idp.keys().getPrivate(), assertion, issuer.getNextSibling());
        context.setDefaultNamespacePrefix("ds");
        xml.newXMLSignature(info, null).sign(context);
    }

    private static Element child(Element parent, String namespace, String name) {
        Element child = parent.getOwnerDocument().createElementNS(namespace, name);
        parent.appendChild(child);
        return child;
    }

    private static Element text(Element parent, String namespace, String name, String text) {
        Element child = child(parent, namespace, name);
        child.setTextContent(text);
        return child;
    }
}
