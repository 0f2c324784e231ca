package io.gatehouse.federation.saml;

import io.gatehouse.core.error.ErrorCode;
import org.apache.xml.security.signature.XMLSignature;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.List;
import java.util.Set;

import static io.gatehouse.federation.saml.SamlFixtures.IDP_KEY;
import static io.gatehouse.federation.saml.SamlFixtures.STRANGER;
import static io.gatehouse.federation.saml.SamlFixtures.refused;
import static io.gatehouse.federation.saml.SamlFixtures.signedAssertion;
import static io.gatehouse.federation.saml.SamlFixtures.trust;
import static io.gatehouse.federation.saml.SamlFixtures.validator;
import static io.gatehouse.federation.saml.SamlXml.ASSERTION_NS;
import static io.gatehouse.federation.saml.SamlXml.DSIG_NS;
import static io.gatehouse.federation.saml.SamlXml.PROTOCOL_NS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which signatures are believed, and the classic XML signature wrapping attacks. */
class SamlSignatureTest {

    @Test
    void acceptsSignedAssertion() {
        ValidatedAssertion assertion = validator().validate(signedAssertion().base64(), trust());

        assertEquals("_assertion-1", assertion.assertionId());
        assertEquals("alice@example.com", assertion.subject());
    }

    @Test
    void acceptsSignedResponseWithUnsignedAssertionInside() {
        String response = new SamlResponseBuilder().signResponseWith(IDP_KEY).base64();

        assertEquals("alice@example.com", validator().validate(response, trust()).subject());
    }

    @Test
    void acceptsResponseAndAssertionBothSigned() {
        String response = signedAssertion().signResponseWith(IDP_KEY).base64();

        assertEquals("_assertion-1", validator().validate(response, trust()).assertionId());
    }

    @Test
    void acceptsSignatureWithoutKeyInfoByTryingTheRegisteredCertificates() {
        SigningIdentity previous = SigningIdentity.rsa("idp-previous.example.com");
        SamlTrust rotating = new SamlTrust(SamlResponseBuilder.IDP, List.of(previous.certificate(), IDP_KEY.certificate()),
                Set.of(SamlTrust.AWS_SIGN_IN), Set.of(SamlTrust.AWS_SIGN_IN));

        assertEquals("_assertion-1",
                validator().validate(signedAssertion().withoutKeyInfo().base64(), rotating).assertionId());
    }

    @Test
    void acceptsEcdsaSha256Signature() {
        SigningIdentity ec = SigningIdentity.ec("idp-ec.example.com");
        SamlTrust trust = new SamlTrust(SamlResponseBuilder.IDP, List.of(ec.certificate()),
                Set.of(SamlTrust.AWS_SIGN_IN), Set.of(SamlTrust.AWS_SIGN_IN));

        assertEquals("_assertion-1",
                validator().validate(new SamlResponseBuilder().signAssertionWith(ec).base64(), trust).assertionId());
    }

    @Test
    void refusesUnsignedResponse() {
        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN,
                () -> validator().validate(new SamlResponseBuilder().base64(), trust()));
        assertTrue(refusal.getMessage().contains("not signed"), refusal.getMessage());
    }

    @Test
    void refusesSignatureByUnknownKey() {
        String response = new SamlResponseBuilder().signAssertionWith(STRANGER).withoutKeyInfo().base64();

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN, () -> validator().validate(response, trust()));
        assertTrue(refusal.getMessage().contains("does not verify with any certificate registered"), refusal.getMessage());
    }

    @Test
    void refusesCertificateInKeyInfoThatIsNotRegistered() {
        String response = new SamlResponseBuilder().signAssertionWith(STRANGER).base64();

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN, () -> validator().validate(response, trust()));
        assertTrue(refusal.getMessage().contains("names a certificate that is not registered"), refusal.getMessage());
    }

    @Test
    void refusesRsaSha1Signature() {
        String response = signedAssertion().signatureAlgorithm(XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA1).base64();

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN, () -> validator().validate(response, trust()));
        assertTrue(refusal.getMessage().contains("signature algorithm"), refusal.getMessage());
    }

    @Test
    void refusesContentAlteredAfterSigning() {
        Document document = signedAssertion().document();
        nameId(document).setTextContent("admin@example.com");

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN,
                () -> validator().validate(SamlResponseBuilder.base64(document), trust()));
        assertTrue(refusal.getMessage().contains("altered after signing"), refusal.getMessage());
    }

    @Test
    void refusesEvilAssertionInsertedBeforeTheSignedOne() {
        Document document = signedAssertion().document();
        Element signed = assertion(document);
        Element evil = evilCopyOf(signed, "_evil");
        signed.getParentNode().insertBefore(evil, signed);

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN,
                () -> validator().validate(SamlResponseBuilder.base64(document), trust()));
        assertTrue(refusal.getMessage().contains("exactly one Assertion"), refusal.getMessage());
    }

    @Test
    void refusesSignedAssertionMovedIntoExtensionsWithAnEvilOneInItsPlace() {
        Document document = signedAssertion().document();
        Element response = document.getDocumentElement();
        Element signed = assertion(document);
        Element evil = evilCopyOf(signed, "_assertion-1");
        response.replaceChild(evil, signed);
        Element extensions = document.createElementNS(PROTOCOL_NS, "samlp:Extensions");
        response.insertBefore(extensions, response.getFirstChild().getNextSibling());
        extensions.appendChild(signed);

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN,
                () -> validator().validate(SamlResponseBuilder.base64(document), trust()));
        assertTrue(refusal.getMessage().contains("exactly one Assertion"), refusal.getMessage());
    }

    @Test
    void refusesSignedResponseWrappedInsideAnEvilResponse() {
        Document document = new SamlResponseBuilder().signResponseWith(IDP_KEY).document();
        Element original = document.getDocumentElement();
        Element evilResponse = (Element) original.cloneNode(true);
        evilResponse.setAttributeNS(null, "ID", "_evil-response");
        evilResponse.removeChild(SamlXml.child(evilResponse, DSIG_NS, "Signature"));
        nameIdOf(SamlXml.child(evilResponse, ASSERTION_NS, "Assertion")).setTextContent("admin@example.com");
        document.replaceChild(evilResponse, original);
        Element extensions = document.createElementNS(PROTOCOL_NS, "samlp:Extensions");
        evilResponse.insertBefore(extensions, evilResponse.getFirstChild().getNextSibling());
        extensions.appendChild(original);

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN,
                () -> validator().validate(SamlResponseBuilder.base64(document), trust()));
        assertTrue(refusal.getMessage().contains("exactly one Assertion"), refusal.getMessage());
    }

    @Test
    void refusesDuplicateIdEvenOnAnElementThatIsNotAnAssertion() {
        Document document = signedAssertion().document();
        Element response = document.getDocumentElement();
        Element extensions = document.createElementNS(PROTOCOL_NS, "samlp:Extensions");
        Element decoy = document.createElementNS("urn:example:decoy", "d:Decoy");
        decoy.setAttributeNS(null, "ID", "_assertion-1");
        extensions.appendChild(decoy);
        response.insertBefore(extensions, response.getFirstChild().getNextSibling());

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN,
                () -> validator().validate(SamlResponseBuilder.base64(document), trust()));
        assertTrue(refusal.getMessage().contains("appears more than once"), refusal.getMessage());
    }

    @Test
    void refusesSignatureThatCoversAnotherElement() {
        Document document = signedAssertion().document();
        Element assertion = assertion(document);
        // The signature still references #_assertion-1, but the assertion now claims another ID.
        assertion.setAttributeNS(null, "ID", "_assertion-2");

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN,
                () -> validator().validate(SamlResponseBuilder.base64(document), trust()));
        assertTrue(refusal.getMessage().contains("must reference the element's own ID"), refusal.getMessage());
    }

    @Test
    void refusesSignatureOutsideTheElementItSigns() {
        Document document = signedAssertion().document();
        Element assertion = assertion(document);
        Element signature = SamlXml.child(assertion, DSIG_NS, "Signature");
        assertion.removeChild(signature);
        document.getDocumentElement().appendChild(signature);

        var refusal = refused(ErrorCode.INVALID_IDENTITY_TOKEN,
                () -> validator().validate(SamlResponseBuilder.base64(document), trust()));
        assertTrue(refusal.getMessage().contains("must reference the element's own ID"), refusal.getMessage());
    }

    private static Element assertion(Document document) {
        return SamlXml.child(document.getDocumentElement(), ASSERTION_NS, "Assertion");
    }

    private static Element nameId(Document document) {
        return nameIdOf(assertion(document));
    }

    private static Element nameIdOf(Element assertion) {
        return SamlXml.child(SamlXml.child(assertion, ASSERTION_NS, "Subject"), ASSERTION_NS, "NameID");
    }

    /** What an attacker forges: the signed assertion's copy, unsigned, naming another user. */
    private static Element evilCopyOf(Element signed, String id) {
        Element evil = (Element) signed.cloneNode(true);
        evil.setAttributeNS(null, "ID", id);
        evil.removeChild(SamlXml.child(evil, DSIG_NS, "Signature"));
        nameIdOf(evil).setTextContent("admin@example.com");
        return evil;
    }
}
