package io.gatehouse.federation.saml;

import org.w3c.dom.Element;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static io.gatehouse.federation.saml.SamlXml.ASSERTION_NS;
import static io.gatehouse.federation.saml.SamlXml.PROTOCOL_NS;
import static io.gatehouse.federation.saml.SamlXml.invalid;

/**
 * What a posted SAML response says, before its signature is checked, about which trust it must be
 * checked with: the authentication request it claims to answer and the SAML providers its Role
 * attribute names. Nothing here is believed: it only picks the provider and the expected request,
 * and {@link SamlResponseValidator} then requires the signed message to say the same.
 */
public record ResponseRouting(Optional<String> inResponseTo, Set<String> rolePrincipalArns) {

    public ResponseRouting {
        rolePrincipalArns = Set.copyOf(rolePrincipalArns);
    }

    public static ResponseRouting read(String base64SamlResponse) {
        if (base64SamlResponse.length() > SamlResponseValidator.MAX_LENGTH) {
            throw invalid("The SAML response is too long.");
        }
        byte[] xml;
        try {
            xml = Base64.getDecoder().decode(base64SamlResponse.replaceAll("\\s+", "")
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw invalid("Invalid base64 SAMLResponse.");
        }
        Element response = SamlXml.parse(xml).getDocumentElement();
        if (!SamlXml.is(response, PROTOCOL_NS, "Response")) {
            throw invalid("The SAML message is not a SAML 2.0 Response.");
        }
        Optional<String> inResponseTo = SamlXml.attribute(response, "InResponseTo");
        if (inResponseTo.isEmpty()) {
            for (Element data : SamlXml.descendants(response, ASSERTION_NS, "SubjectConfirmationData")) {
                inResponseTo = SamlXml.attribute(data, "InResponseTo");
                if (inResponseTo.isPresent()) {
                    break;
                }
            }
        }
        Set<String> providers = new LinkedHashSet<>();
        for (String value : roleValues(response)) {
            try {
                providers.add(SamlRole.parse(value).principalArn().toString());
            } catch (RuntimeException e) {
                // A malformed value is refused when the signed assertion is read; it routes nowhere.
            }
        }
        return new ResponseRouting(inResponseTo, providers);
    }

    private static List<String> roleValues(Element response) {
        List<String> values = new ArrayList<>();
        for (Element attribute : SamlXml.descendants(response, ASSERTION_NS, "Attribute")) {
            if (AwsSamlAttributes.ROLE.equals(attribute.getAttribute("Name"))) {
                for (Element value : SamlXml.children(attribute, ASSERTION_NS, "AttributeValue")) {
                    values.add(value.getTextContent().strip());
                }
            }
        }
        return values;
    }
}
