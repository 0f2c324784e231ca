package io.gatehouse.federation.metadata;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.federation.SamlProviderMetadata;
import io.gatehouse.core.federation.SsoEndpoint;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DomSamlMetadataReaderTest {

    private static final String REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    private static final String SIGNING = MetadataDocument.certificate("signing");

    private final DomSamlMetadataReader reader = new DomSamlMetadataReader();

    private static String refusal(String document) {
        IamException error = assertThrows(IamException.class, () -> new DomSamlMetadataReader().read(document));
        assertEquals(ErrorCode.INVALID_INPUT, error.code());
        return error.getMessage();
    }

    private static String der(String base64) {
        return base64.replaceAll("\\s", "");
    }

    @Test
    void readsEntityIdCertificateAndEndpoints() {
        SamlProviderMetadata metadata = reader.read(MetadataDocument.idp().entityId("urn:example:idp")
                .key("signing", SIGNING).ssoEndpoint(REDIRECT, "https://idp.example.com/sso").build());

        assertEquals("urn:example:idp", metadata.entityId());
        assertEquals(List.of(der(SIGNING)), metadata.signingCertificates());
        assertEquals(List.of(new SsoEndpoint(REDIRECT, "https://idp.example.com/sso")), metadata.ssoEndpoints());
        assertEquals(Optional.empty(), metadata.validUntil());
    }

    @Test
    void aKeyWithoutUseSignsButAnEncryptionKeyDoesNot() {
        String unmarked = MetadataDocument.certificate("unmarked");

        SamlProviderMetadata metadata = reader.read(MetadataDocument.idp()
                .key("encryption", MetadataDocument.certificate("encryption")).key("", unmarked).build());

        assertEquals(List.of(der(unmarked)), metadata.signingCertificates());
    }

    @Test
    void readsValidUntilWithAndWithoutZone() {
        assertEquals(Optional.of(Instant.parse("2027-03-01T08:30:00Z")), reader.read(MetadataDocument.idp()
                .validUntil("2027-03-01T10:30:00+02:00").key("signing", SIGNING).build()).validUntil());
        assertEquals(Optional.of(Instant.parse("2027-03-01T10:30:00Z")), reader.read(MetadataDocument.idp()
                .validUntil("2027-03-01T10:30:00").key("signing", SIGNING).build()).validUntil());
    }

    @Test
    void refusesTextThatIsNotXml() {
        assertTrue(refusal("this is not <xml").contains("not well-formed XML"));
    }

    @Test
    void refusesADoctype() {
        String billionLaughs = "<?xml version=\"1.0\"?><!DOCTYPE md:EntityDescriptor [<!ENTITY lol \"lol\">]>";

        String message = refusal(MetadataDocument.idp().prologue(billionLaughs).key("signing", SIGNING).build());

        assertTrue(message.contains("DOCTYPE"), message);
    }

    @Test
    void refusesAnotherRootElement() {
        assertTrue(refusal("<EntityDescriptor entityID=\"x\"/>").contains("root element must be md:EntityDescriptor"));
    }

    @Test
    void refusesMetadataWithoutIdpDescriptor() {
        assertTrue(refusal(MetadataDocument.idp().withoutIdpDescriptor().build()).contains("no md:IDPSSODescriptor"));
    }

    @Test
    void refusesAnIdpWithoutSaml2() {
        String message = refusal(MetadataDocument.idp().protocols("urn:oasis:names:tc:SAML:1.1:protocol")
                .key("signing", SIGNING).build());

        assertTrue(message.contains("protocolSupportEnumeration"), message);
    }

    @Test
    void refusesAnIdpWithoutSigningCertificate() {
        String message = refusal(MetadataDocument.idp()
                .key("encryption", MetadataDocument.certificate("encryption")).build());

        assertTrue(message.contains("no signing certificate"), message);
    }

    @Test
    void refusesACertificateThatDoesNotParse() {
        String garbage = Base64.getEncoder().encodeToString("not a certificate".getBytes());

        String message = refusal(MetadataDocument.idp().key("signing", garbage).build());

        assertTrue(message.contains("signing certificate 1 is not a valid"), message);
    }

    @Test
    void refusesAMissingEntityId() {
        assertTrue(refusal(MetadataDocument.idp().entityId("").key("signing", SIGNING).build())
                .contains("no entityID"));
    }

    @Test
    void refusesAValidUntilThatIsNotADateTime() {
        assertTrue(refusal(MetadataDocument.idp().validUntil("tomorrow").key("signing", SIGNING).build())
                .contains("validUntil tomorrow"));
    }
}
