package io.gatehouse.federation.saml.sp;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Inflater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuthnRequestTest {

    private static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final AuthnRequest REQUEST = new AuthnRequest("_abc.def", Instant.parse("2026-12-01T10:00:00.123Z"),
            "https://idp.example.com/sso/redirect", "https://iam.example.com/signin/saml/acs/123456789012/corp",
            "https://iam.example.com/signin/saml/metadata");

    @Test
    void theRedirectCarriesTheRequestDeflatedAndBase64EncodedAsSamlRequest() throws Exception {
        Map<String, String> query = query(URI.create(REQUEST.redirectUrl(Optional.empty())));

        Element request = inflate(query.get("SAMLRequest")).getDocumentElement();

        assertEquals(PROTOCOL, request.getNamespaceURI());
        assertEquals("AuthnRequest", request.getLocalName());
        assertEquals("_abc.def", request.getAttribute("ID"));
        assertEquals("2.0", request.getAttribute("Version"));
        assertEquals("2026-12-01T10:00:00Z", request.getAttribute("IssueInstant"));
        assertEquals("https://idp.example.com/sso/redirect", request.getAttribute("Destination"));
        assertEquals("https://iam.example.com/signin/saml/acs/123456789012/corp",
                request.getAttribute("AssertionConsumerServiceURL"));
        assertEquals("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", request.getAttribute("ProtocolBinding"));
        Element issuer = (Element) request.getElementsByTagNameNS(ASSERTION, "Issuer").item(0);
        assertEquals("https://iam.example.com/signin/saml/metadata", issuer.getTextContent());
        assertFalse(query.containsKey("RelayState"));
    }

    @Test
    void theRelayStateFollowsTheRequestUrlEncoded() {
        Map<String, String> query = query(URI.create(REQUEST.redirectUrl(Optional.of("/console?tab=roles&x=1"))));

        assertEquals("/console?tab=roles&x=1", query.get("RelayState"));
    }

    @Test
    void anIdpEndpointWithAQueryKeepsItsParameters() {
        AuthnRequest request = new AuthnRequest("_id", REQUEST.issueInstant(), "https://idp.example.com/sso?tenant=7",
                REQUEST.assertionConsumerService(), REQUEST.issuer());

        Map<String, String> query = query(URI.create(request.redirectUrl(Optional.empty())));

        assertEquals("7", query.get("tenant"));
        assertTrue(query.containsKey("SAMLRequest"));
    }

    @Test
    void refusesARelayStateOverEightyBytes() {
        assertThrows(IllegalArgumentException.class, () -> REQUEST.redirectUrl(Optional.of("x".repeat(81))));
    }

    @Test
    void refusesAnIdThatIsNotAnXmlId() {
        assertThrows(IllegalArgumentException.class, () -> new AuthnRequest("1abc", REQUEST.issueInstant(),
                REQUEST.destination(), REQUEST.assertionConsumerService(), REQUEST.issuer()));
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    /** Raw DEFLATE, as SAML bindings §3.4.4.1 requires: a zlib header would make this fail. */
    private static Document inflate(String samlRequest) throws Exception {
        Inflater inflater = new Inflater(true);
        inflater.setInput(Base64.getDecoder().decode(samlRequest));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[512];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                throw new AssertionError("SAMLRequest is not a complete raw DEFLATE stream");
            }
            out.write(buffer, 0, n);
        }
        inflater.end();
        return parse(out.toByteArray());
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
