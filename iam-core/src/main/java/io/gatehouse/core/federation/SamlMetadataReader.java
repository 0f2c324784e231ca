package io.gatehouse.core.federation;

/**
 * Reads a SAML 2.0 metadata document as CreateSAMLProvider and UpdateSAMLProvider receive it.
 * Implemented outside the core, where an XML parser lives.
 */
public interface SamlMetadataReader {

    /**
     * @throws io.gatehouse.core.error.IamException InvalidInput naming what is wrong: not XML, no
     *         {@code IDPSSODescriptor}, no signing certificate, a certificate that does not parse
     */
    SamlProviderMetadata read(String document);
}
