package io.gatehouse.federation.saml;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import org.w3c.dom.Element;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.gatehouse.federation.saml.SamlXml.ASSERTION_NS;
import static io.gatehouse.federation.saml.SamlXml.invalid;

/**
 * Reads one signed Assertion: its subject, the Conditions (validity window, audience), the bearer
 * subject confirmation (recipient, window, request answered) and the attributes (SAML core §2,
 * Web SSO profile §4.1.4.3).
 */
final class AssertionReader {

    private static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    private static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    private static final String TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
    private static final String UNSPECIFIED = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";

    private final Instant now;
    private final Duration skew;
    private final SamlTrust trust;
    private final Solicitation solicitation;

    AssertionReader(Instant now, Duration skew, SamlTrust trust, Solicitation solicitation) {
        this.now = now;
        this.skew = skew;
        this.trust = trust;
        this.solicitation = solicitation;
    }

    /**
     * @param signedInResponseTo        the Response's InResponseTo when the Response is signed
     * @param confirmationMustAnswer    whether an answering bearer confirmation must itself name the request
     */
    ValidatedAssertion read(Element assertion, Optional<String> signedInResponseTo, boolean confirmationMustAnswer) {
        if (!"2.0".equals(assertion.getAttribute("Version"))) {
            throw invalid("The SAML Assertion is not of version 2.0.");
        }
        Instant issued = SamlXml.instant(assertion, "IssueInstant")
                .orElseThrow(() -> invalid("The SAML Assertion has no IssueInstant attribute."));
        if (issued.isAfter(now.plus(skew))) {
            throw invalid("The SAML Assertion was issued in the future (" + issued + ").");
        }
        Element subject = SamlXml.child(assertion, ASSERTION_NS, "Subject");
        if (SamlXml.optionalChild(subject, ASSERTION_NS, "EncryptedID").isPresent()) {
            throw invalid("Encrypted NameIDs are not supported; configure the identity provider to send a NameID.");
        }
        Element nameId = SamlXml.child(subject, ASSERTION_NS, "NameID");
        String name = SamlXml.text(nameId);
        if (name.isEmpty()) {
            throw invalid("The NameID of the SAML Assertion is empty.");
        }
        Optional<Instant> conditionsEnd = conditions(SamlXml.child(assertion, ASSERTION_NS, "Conditions"));
        Confirmation confirmation = bearerConfirmation(subject, confirmationMustAnswer);
        Instant end = conditionsEnd.filter(c -> c.isBefore(confirmation.notOnOrAfter()))
                .orElse(confirmation.notOnOrAfter());
        return new ValidatedAssertion(SamlXml.requiredAttribute(assertion, "ID"), end.plus(skew),
                SamlXml.text(SamlXml.child(assertion, ASSERTION_NS, "Issuer")), name,
                subjectType(SamlXml.attribute(nameId, "Format").orElse(UNSPECIFIED)),
                signedInResponseTo.or(confirmation::inResponseTo), authnInstant(assertion), attributes(assertion));
    }

    /** AWS's SubjectType: the short name of the two common formats, otherwise the format itself. */
    private static String subjectType(String format) {
        return switch (format) {
            case PERSISTENT -> "persistent";
            case TRANSIENT -> "transient";
            default -> format;
        };
    }

    /** Checks the window and every AudienceRestriction; answers the end of the window, if bounded. */
    private Optional<Instant> conditions(Element conditions) {
        Optional<Instant> notBefore = SamlXml.instant(conditions, "NotBefore");
        if (notBefore.isPresent() && now.plus(skew).isBefore(notBefore.get())) {
            throw invalid("The SAML Assertion is not yet valid: its Conditions have NotBefore " + notBefore.get() + ".");
        }
        Optional<Instant> notOnOrAfter = SamlXml.instant(conditions, "NotOnOrAfter");
        if (notOnOrAfter.isPresent() && expired(notOnOrAfter.get())) {
            throw new IamException(ErrorCode.EXPIRED_TOKEN_EXCEPTION,
                    "The SAML Assertion has expired: its Conditions have NotOnOrAfter " + notOnOrAfter.get() + ".");
        }
        if (!SamlXml.children(conditions, ASSERTION_NS, "Condition").isEmpty()) {
            // SAML core §2.5.1.5: a condition we cannot evaluate makes the assertion's validity indeterminate.
            throw invalid("The SAML Assertion has a Condition of a type this service provider does not understand.");
        }
        List<Element> restrictions = SamlXml.children(conditions, ASSERTION_NS, "AudienceRestriction");
        if (restrictions.isEmpty()) {
            throw invalid("The SAML Assertion has no AudienceRestriction.");
        }
        for (Element restriction : restrictions) {
            boolean ours = SamlXml.children(restriction, ASSERTION_NS, "Audience").stream()
                    .map(SamlXml::text).anyMatch(trust.audiences()::contains);
            if (!ours) {
                throw invalid("The AudienceRestriction of the SAML Assertion does not name this service provider "
                        + trust.audiences() + ".");
            }
        }
        return notOnOrAfter;
    }

    private record Confirmation(Instant notOnOrAfter, Optional<String> inResponseTo) {
    }

    /**
     * At least one bearer SubjectConfirmation must hold; when none does, the reason reported is
     * expiry only if every one of them has expired.
     */
    private Confirmation bearerConfirmation(Element subject, boolean mustAnswer) {
        List<IamException> failures = new ArrayList<>();
        Optional<Confirmation> latest = Optional.empty();
        for (Element confirmation : SamlXml.children(subject, ASSERTION_NS, "SubjectConfirmation")) {
            if (!BEARER.equals(confirmation.getAttribute("Method"))) {
                continue;
            }
            try {
                Confirmation valid = bearer(confirmation, mustAnswer);
                if (latest.isEmpty() || valid.notOnOrAfter().isAfter(latest.get().notOnOrAfter())) {
                    latest = Optional.of(valid);
                }
            } catch (IamException e) {
                failures.add(e);
            }
        }
        if (latest.isPresent()) {
            return latest.get();
        }
        if (failures.isEmpty()) {
            throw invalid("The SAML Assertion has no bearer SubjectConfirmation.");
        }
        throw failures.stream().filter(e -> e.code() != ErrorCode.EXPIRED_TOKEN_EXCEPTION).findFirst()
                .orElse(failures.get(0));
    }

    private Confirmation bearer(Element confirmation, boolean mustAnswer) {
        Element data = SamlXml.optionalChild(confirmation, ASSERTION_NS, "SubjectConfirmationData")
                .orElseThrow(() -> invalid("The bearer SubjectConfirmation has no SubjectConfirmationData."));
        Optional<String> recipient = SamlXml.attribute(data, "Recipient");
        if (recipient.isEmpty() || !trust.recipients().contains(recipient.get())) {
            throw invalid("The Recipient of the bearer SubjectConfirmationData is not an endpoint of this service "
                    + "provider " + trust.recipients() + ".");
        }
        Optional<Instant> notBefore = SamlXml.instant(data, "NotBefore");
        if (notBefore.isPresent() && now.plus(skew).isBefore(notBefore.get())) {
            throw invalid("The bearer SubjectConfirmationData is not yet valid: NotBefore " + notBefore.get() + ".");
        }
        Instant notOnOrAfter = SamlXml.instant(data, "NotOnOrAfter")
                .orElseThrow(() -> invalid("The bearer SubjectConfirmationData has no NotOnOrAfter attribute."));
        if (expired(notOnOrAfter)) {
            throw new IamException(ErrorCode.EXPIRED_TOKEN_EXCEPTION,
                    "The SAML Assertion has expired: its bearer SubjectConfirmationData has NotOnOrAfter "
                            + notOnOrAfter + ".");
        }
        Optional<String> inResponseTo = SamlXml.attribute(data, "InResponseTo");
        SamlResponseValidator.checkInResponseTo(inResponseTo, solicitation, "SubjectConfirmationData", mustAnswer);
        return new Confirmation(notOnOrAfter, inResponseTo);
    }

    private boolean expired(Instant notOnOrAfter) {
        return !now.minus(skew).isBefore(notOnOrAfter);
    }

    private static Optional<Instant> authnInstant(Element assertion) {
        return SamlXml.children(assertion, ASSERTION_NS, "AuthnStatement").stream().findFirst()
                .flatMap(statement -> SamlXml.instant(statement, "AuthnInstant"));
    }

    private static Map<String, List<String>> attributes(Element assertion) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (Element statement : SamlXml.children(assertion, ASSERTION_NS, "AttributeStatement")) {
            if (!SamlXml.children(statement, ASSERTION_NS, "EncryptedAttribute").isEmpty()) {
                throw invalid("Encrypted SAML attributes are not supported.");
            }
            for (Element attribute : SamlXml.children(statement, ASSERTION_NS, "Attribute")) {
                List<String> values = attributes.computeIfAbsent(SamlXml.requiredAttribute(attribute, "Name"),
                        name -> new ArrayList<>());
                for (Element value : SamlXml.children(attribute, ASSERTION_NS, "AttributeValue")) {
                    values.add(value.getTextContent().strip());
                }
            }
        }
        return attributes;
    }
}
