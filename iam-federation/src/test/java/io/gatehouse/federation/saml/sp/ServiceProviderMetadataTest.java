package io.gatehouse.federation.saml.sp;

import io.gatehouse.core.arn.AccountId;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ServiceProviderMetadataTest {

    private static final String MD = ServiceProviderMetadata.METADATA_NS;
    private static final ServiceProvider SP = ServiceProvider.at("https://iam.example.com/", Optional.empty());

    @Test
    void theEntityIdDefaultsToTheMetadataUrl() {
        assertEquals("https://iam.example.com/signin/saml/metadata", SP.entityId());
        assertEquals("https://iam.example.com/signin/saml/metadata", SP.metadataUrl());
    }

    @Test
    void aConfiguredEntityIdIsUsed() {
        assertEquals("urn:gatehouse:sp", ServiceProvider.at("https://iam.example.com", Optional.of("urn:gatehouse:sp"))
                .entityId());
    }

    @Test
    void theDocumentParsesBackAsServiceProviderMetadata() throws Exception {
        Element entity = parsed(SP.assertionConsumerService());

        assertEquals(MD, entity.getNamespaceURI());
        assertEquals("EntityDescriptor", entity.getLocalName());
        assertEquals("https://iam.example.com/signin/saml/metadata", entity.getAttribute("entityID"));
        Element descriptor = only(entity.getElementsByTagNameNS(MD, "SPSSODescriptor"));
        assertEquals("true", descriptor.getAttribute("WantAssertionsSigned"));
        assertEquals("urn:oasis:names:tc:SAML:2.0:protocol", descriptor.getAttribute("protocolSupportEnumeration"));
        Element consumer = only(descriptor.getElementsByTagNameNS(MD, "AssertionConsumerService"));
        assertEquals("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", consumer.getAttribute("Binding"));
        assertEquals("https://iam.example.com/signin/saml/acs", consumer.getAttribute("Location"));
        assertEquals("true", consumer.getAttribute("isDefault"));
    }

    @Test
    void listsTheNameIdFormatsWithPersistentFirst() throws Exception {
        NodeList formats = parsed(SP.assertionConsumerService()).getElementsByTagNameNS(MD, "NameIDFormat");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < formats.getLength(); i++) {
            values.add(formats.item(i).getTextContent());
        }

        assertEquals(ServiceProviderMetadata.NAME_ID_FORMATS, values);
        assertEquals("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", values.get(0));
    }

    @Test
    void aProvidersMetadataNamesItsOwnConsumerService() throws Exception {
        String acs = SP.assertionConsumerService(new AccountId("123456789012"), "corp");

        Element consumer = only(parsed(acs).getElementsByTagNameNS(MD, "AssertionConsumerService"));

        assertEquals("https://iam.example.com/signin/saml/acs/123456789012/corp", consumer.getAttribute("Location"));
    }

    @Test
    void valuesAreEscapedByTheDom() throws Exception {
        ServiceProvider odd = ServiceProvider.at("https://iam.example.com", Optional.of("urn:x\"<&>"));

        Element entity = AuthnRequestTest.parse(SamlDocuments.serialize(
                ServiceProviderMetadata.document(odd, odd.assertionConsumerService()), true)
                .getBytes(StandardCharsets.UTF_8)).getDocumentElement();

        assertEquals("urn:x\"<&>", entity.getAttribute("entityID"));
    }

    @Test
    void refusesABaseUrlThatIsNotAbsolute() {
        assertThrows(IllegalArgumentException.class, () -> ServiceProvider.at("iam.example.com", Optional.empty()));
    }

    @Test
    void acceptsResponsesAddressedToTheConsumerServiceTheEntityIdOrAws() {
        String acs = SP.assertionConsumerService();

        assertEquals(java.util.Set.of(acs, SP.entityId(), "https://signin.aws.amazon.com/saml"), SP.endpoints(acs));
        assertFalse(SP.endpoints(acs).contains("https://elsewhere.example.com/acs"));
    }

    private static Element parsed(String consumerService) throws Exception {
        String xml = SamlDocuments.serialize(ServiceProviderMetadata.document(SP, consumerService), true);
        return AuthnRequestTest.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    }

    private static Element only(NodeList nodes) {
        assertEquals(1, nodes.getLength());
        return (Element) nodes.item(0);
    }
}
