package io.gatehouse.federation.saml.sp;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.Deflater;

/**
 * A SAML 2.0 AuthnRequest (SAML core §3.4.1) asking an identity provider to sign a person in and
 * post the response to Gatehouse's assertion consumer service, sent by the HTTP-Redirect binding.
 *
 * @param id          the request's ID, which the response's InResponseTo must repeat
 * @param destination the identity provider's HTTP-Redirect SingleSignOnService
 * @param issuer      Gatehouse's service provider entity id
 */
public record AuthnRequest(String id, Instant issueInstant, String destination, String assertionConsumerService,
                           String issuer) {

    public static final String HTTP_REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    /** SAML bindings §3.4.3: RelayState MUST NOT exceed 80 bytes. */
    public static final int MAX_RELAY_STATE_BYTES = 80;
    private static final String ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    public AuthnRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issueInstant, "issueInstant");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(assertionConsumerService, "assertionConsumerService");
        Objects.requireNonNull(issuer, "issuer");
        if (id.isEmpty() || !Character.isLetter(id.charAt(0)) && id.charAt(0) != '_') {
            throw new IllegalArgumentException("A SAML ID must begin with a letter or an underscore");
        }
        issueInstant = issueInstant.truncatedTo(ChronoUnit.SECONDS);
    }

    public Document document() {
        Document document = ServiceProviderMetadata.newDocument();
        Element request = document.createElementNS(ServiceProviderMetadata.PROTOCOL_NS, "samlp:AuthnRequest");
        document.appendChild(request);
        request.setAttributeNS(XMLNS, "xmlns:saml", ASSERTION_NS);
        request.setAttributeNS(null, "ID", id);
        request.setAttributeNS(null, "Version", "2.0");
        request.setAttributeNS(null, "IssueInstant", issueInstant.toString());
        request.setAttributeNS(null, "Destination", destination);
        request.setAttributeNS(null, "AssertionConsumerServiceURL", assertionConsumerService);
        request.setAttributeNS(null, "ProtocolBinding", ServiceProviderMetadata.HTTP_POST);
        Element issuerElement = document.createElementNS(ASSERTION_NS, "saml:Issuer");
        issuerElement.setTextContent(issuer);
        request.appendChild(issuerElement);
        Element policy = document.createElementNS(ServiceProviderMetadata.PROTOCOL_NS, "samlp:NameIDPolicy");
        policy.setAttributeNS(null, "AllowCreate", "true");
        request.appendChild(policy);
        return document;
    }

    /**
     * The URL the browser is redirected to (SAML bindings §3.4.4.1): the request DEFLATE-compressed
     * (raw, no zlib header), base64-encoded and URL-encoded as {@code SAMLRequest}, then the
     * {@code RelayState}. Unsigned: the identity provider learns nothing from it that it must trust,
     * and the response is checked against the request's ID.
     */
    public String redirectUrl(Optional<String> relayState) {
        relayState.ifPresent(AuthnRequest::checkRelayState);
        byte[] xml = SamlDocuments.serialize(document(), false).getBytes(StandardCharsets.UTF_8);
        StringBuilder url = new StringBuilder(destination).append(destination.contains("?") ? '&' : '?')
                .append("SAMLRequest=").append(encode(Base64.getEncoder().encodeToString(deflate(xml))));
        relayState.ifPresent(state -> url.append("&RelayState=").append(encode(state)));
        return url.toString();
    }

    public static void checkRelayState(String relayState) {
        if (relayState.getBytes(StandardCharsets.UTF_8).length > MAX_RELAY_STATE_BYTES) {
            throw new IllegalArgumentException("RelayState must not exceed " + MAX_RELAY_STATE_BYTES + " bytes");
        }
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFLATED, true);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
