package io.gatehouse.federation.saml;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.gatehouse.federation.saml.SamlXml.ASSERTION_NS;
import static io.gatehouse.federation.saml.SamlXml.PROTOCOL_NS;
import static io.gatehouse.federation.saml.SamlXml.invalid;

/**
 * Validates a SAML 2.0 Response as posted to an assertion consumer service (browser sign-in) or
 * passed to AssumeRoleWithSAML as {@code SAMLAssertion}: base64-decodes and parses it safely,
 * checks the signature of the Response or of its Assertion, then the status, issuer, destination,
 * audience, bearer confirmation and validity window, and answers what the signed assertion says.
 *
 * <p>Against signature wrapping, values are read only from the element the signature covers: the
 * message must hold exactly one Assertion, a direct child of the Response; IDs are registered on
 * those two elements alone and must be unique in the document; and the signature's reference must
 * resolve to that very node.
 *
 * <p>One-time use is the caller's to enforce with {@link ValidatedAssertion#assertionId()}.
 */
public final class SamlResponseValidator {

    /** The tolerance common among SAML service providers for clocks that disagree. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);
    /** AWS's bounds on AssumeRoleWithSAML's SAMLAssertion, in characters of base64. */
    static final int MIN_LENGTH = 4;
    static final int MAX_LENGTH = 100_000;
    private static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";

    private final Clock clock;
    private final Duration clockSkew;

    public SamlResponseValidator(Clock clock) {
        this(clock, DEFAULT_CLOCK_SKEW);
    }

    public SamlResponseValidator(Clock clock, Duration clockSkew) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("Clock skew must be between 0 and " + MAX_CLOCK_SKEW);
        }
    }

    /** Validates for AssumeRoleWithSAML, where, as in AWS, {@code InResponseTo} is not matched to a request. */
    public ValidatedAssertion validate(String base64SamlResponse, SamlTrust trust) {
        return validate(base64SamlResponse, trust, Solicitation.unchecked());
    }

    public ValidatedAssertion validate(String base64SamlResponse, SamlTrust trust, Solicitation solicitation) {
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(solicitation, "solicitation");
        Document document = SamlXml.parse(decode(base64SamlResponse));
        Element response = document.getDocumentElement();
        if (!SamlXml.is(response, PROTOCOL_NS, "Response")) {
            throw invalid("The SAML message is not a SAML 2.0 Response.");
        }
        requireSuccess(response);
        Element assertion = onlyAssertion(response);
        String responseId = SamlXml.requiredAttribute(response, "ID");
        String assertionId = SamlXml.requiredAttribute(assertion, "ID");
        registerUniqueIds(document, response, responseId, assertion, assertionId);
        boolean responseSigned = verifySignatures(response, responseId, assertion, assertionId, trust);

        SamlXml.optionalChild(response, ASSERTION_NS, "Issuer").ifPresent(issuer -> requireIssuer(issuer, trust, "Response"));
        requireIssuer(SamlXml.child(assertion, ASSERTION_NS, "Issuer"), trust, "Assertion");
        SamlXml.attribute(response, "Destination").ifPresent(destination -> {
            if (!trust.recipients().contains(destination)) {
                throw invalid("The SAML Response's Destination is not an endpoint of this service provider.");
            }
        });
        Optional<String> inResponseTo = SamlXml.attribute(response, "InResponseTo");
        checkInResponseTo(inResponseTo, solicitation, "Response", true);
        // An unsigned Response's InResponseTo proves nothing: then the signed confirmation must carry it.
        return new AssertionReader(clock.instant(), clockSkew, trust, solicitation)
                .read(assertion, responseSigned ? inResponseTo : Optional.empty(), !responseSigned);
    }

    private static byte[] decode(String base64) {
        Objects.requireNonNull(base64, "base64SamlResponse");
        if (base64.length() < MIN_LENGTH || base64.length() > MAX_LENGTH) {
            throw IamException.validation("1 validation error detected: Value at 'sAMLAssertion' failed to satisfy "
                    + "constraint: Member must have length " + (base64.length() < MIN_LENGTH
                    ? "greater than or equal to " + MIN_LENGTH : "less than or equal to " + MAX_LENGTH));
        }
        try {
            // Forms and IdPs wrap long base64 lines; nothing else but whitespace is tolerated.
            return Base64.getDecoder().decode(base64.replaceAll("\\s+", "").getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw invalid("Invalid base64 SAMLResponse.");
        }
    }

    private static void requireSuccess(Element response) {
        Element statusCode = SamlXml.child(SamlXml.child(response, PROTOCOL_NS, "Status"), PROTOCOL_NS, "StatusCode");
        String value = SamlXml.requiredAttribute(statusCode, "Value");
        if (!SUCCESS.equals(value)) {
            String detail = SamlXml.optionalChild(statusCode, PROTOCOL_NS, "StatusCode")
                    .flatMap(sub -> SamlXml.attribute(sub, "Value")).map(sub -> " (" + shortStatus(sub) + ")").orElse("");
            throw new IamException(ErrorCode.IDP_REJECTED_CLAIM,
                    "The identity provider answered with status " + shortStatus(value) + detail + ", not Success.");
        }
    }

    private static String shortStatus(String uri) {
        String name = uri.substring(uri.lastIndexOf(':') + 1);
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private static Element onlyAssertion(Element response) {
        if (!SamlXml.descendants(response, ASSERTION_NS, "EncryptedAssertion").isEmpty()) {
            throw invalid("Encrypted SAML assertions are not supported; configure the identity provider to sign, "
                    + "not encrypt, the assertion.");
        }
        // Counting every Assertion in the document, wherever nested, defeats wrapping attacks that hide
        // the signed assertion in Extensions, an ds:Object or a second Assertion beside the evil one.
        List<Element> everywhere = SamlXml.descendants(response, ASSERTION_NS, "Assertion");
        if (everywhere.size() != 1) {
            throw invalid("The SAML Response must contain exactly one Assertion, not " + everywhere.size() + ".");
        }
        Element assertion = everywhere.get(0);
        if (assertion.getParentNode() != response) {
            throw invalid("The SAML Assertion must be a direct child of the Response.");
        }
        return assertion;
    }

    /** IDs are declared only where SAML puts them, and no other element may carry the same value. */
    private static void registerUniqueIds(Document document, Element response, String responseId,
                                          Element assertion, String assertionId) {
        if (responseId.equals(assertionId)) {
            throw invalid("The SAML Response and Assertion must not share an ID.");
        }
        for (Element element : allElements(document.getDocumentElement())) {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Node attribute = attributes.item(i);
                String name = attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
                boolean idLike = name.equalsIgnoreCase("ID");
                String value = attribute.getNodeValue().strip();
                if (idLike && (value.equals(responseId) && element != response
                        || value.equals(assertionId) && element != assertion)) {
                    throw invalid("The ID " + (value.equals(responseId) ? "of the Response" : "of the Assertion")
                            + " appears more than once in the SAML message.");
                }
            }
        }
        response.setIdAttributeNS(null, "ID", true);
        assertion.setIdAttributeNS(null, "ID", true);
    }

    private static List<Element> allElements(Element root) {
        List<Element> elements = new ArrayList<>();
        elements.add(root);
        var nodes = root.getElementsByTagName("*");
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** Either signature suffices, as with AWS; any signature present must verify. Answers whether the Response is signed. */
    private static boolean verifySignatures(Element response, String responseId, Element assertion, String assertionId,
                                         SamlTrust trust) {
        Optional<Element> onResponse = EnvelopedSignature.of(response);
        Optional<Element> onAssertion = EnvelopedSignature.of(assertion);
        if (onResponse.isEmpty() && onAssertion.isEmpty()) {
            throw invalid("The SAML Response is not signed: neither the Response nor its Assertion carries a signature.");
        }
        onResponse.ifPresent(signature ->
                EnvelopedSignature.verify(signature, response, responseId, trust.signingCertificates()));
        onAssertion.ifPresent(signature ->
                EnvelopedSignature.verify(signature, assertion, assertionId, trust.signingCertificates()));
        return onResponse.isPresent();
    }

    private static void requireIssuer(Element issuer, SamlTrust trust, String where) {
        SamlXml.attribute(issuer, "Format").ifPresent(format -> {
            if (!format.equals("urn:oasis:names:tc:SAML:2.0:nameid-format:entity")) {
                throw invalid("The Issuer of the SAML " + where + " must have the entity format.");
            }
        });
        if (!SamlXml.text(issuer).equals(trust.idpEntityId())) {
            throw invalid("The Issuer of the SAML " + where + " is not the identity provider's entity ID ("
                    + trust.idpEntityId() + ").");
        }
    }

    /**
     * Checks an {@code InResponseTo} against the solicitation. {@code required}: whether an answering
     * message must carry it (the Response must; a bearer confirmation may omit it).
     */
    static void checkInResponseTo(Optional<String> inResponseTo, Solicitation solicitation, String where,
                                  boolean required) {
        if (solicitation instanceof Solicitation.Unsolicited && inResponseTo.isPresent()) {
            throw invalid("The SAML " + where + " answers an authentication request, but none was sent.");
        }
        if (solicitation instanceof Solicitation.Answering answering) {
            if (inResponseTo.isEmpty() && !required) {
                return;
            }
            boolean same = inResponseTo.map(id -> MessageDigest.isEqual(id.getBytes(StandardCharsets.UTF_8),
                    answering.requestId().getBytes(StandardCharsets.UTF_8))).orElse(false);
            if (!same) {
                throw invalid("The InResponseTo of the SAML " + where + " does not match the authentication request sent.");
            }
        }
    }
}
