package io.gatehouse.federation.saml;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A SAML assertion whose signature, issuer, audience, recipient and validity window have been
 * checked; every value was read from the signed element.
 *
 * @param assertionId   the assertion's ID; with {@code notOnOrAfter}, the key of the one-time-use store
 * @param notOnOrAfter  the instant from which the validator refuses this assertion anyway (clock skew
 *                      included), so a replay store may forget the ID then
 * @param issuer        the identity provider's entity ID
 * @param subject       the NameID
 * @param subjectType   AWS's {@code SubjectType}: {@code persistent}, {@code transient}, or the full format URI
 * @param inResponseTo  the authentication request this answers, if a signed element (the Response or the
 *                      bearer confirmation) says so
 * @param authnInstant  when the user authenticated at the identity provider, if stated
 * @param attributes    attribute values by attribute Name, in document order
 */
public record ValidatedAssertion(String assertionId, Instant notOnOrAfter, String issuer, String subject,
                                 String subjectType, Optional<String> inResponseTo, Optional<Instant> authnInstant,
                                 Map<String, List<String>> attributes) {

    public ValidatedAssertion {
        Objects.requireNonNull(assertionId, "assertionId");
        Objects.requireNonNull(notOnOrAfter, "notOnOrAfter");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(subjectType, "subjectType");
        Objects.requireNonNull(inResponseTo, "inResponseTo");
        Objects.requireNonNull(authnInstant, "authnInstant");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        attributes.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        attributes = Collections.unmodifiableMap(copy);
    }

    /** The values of one attribute; empty when the assertion does not carry it. */
    public List<String> attribute(String name) {
        return attributes.getOrDefault(name, List.of());
    }
}
