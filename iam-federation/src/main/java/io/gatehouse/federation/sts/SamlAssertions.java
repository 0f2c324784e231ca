package io.gatehouse.federation.sts;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.federation.SamlMetadataReader;
import io.gatehouse.core.federation.SamlProviderMetadata;
import io.gatehouse.core.federation.SsoEndpoint;
import io.gatehouse.core.identity.SamlProvider;
import io.gatehouse.core.port.SamlAssertionUses;
import io.gatehouse.core.port.SamlProviderRepository;
import io.gatehouse.federation.saml.SamlConditionKeys;
import io.gatehouse.federation.saml.SamlResponseValidator;
import io.gatehouse.federation.saml.SamlTrust;
import io.gatehouse.federation.saml.Solicitation;
import io.gatehouse.federation.saml.ValidatedAssertion;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule for believing a SAML response, shared by AssumeRoleWithSAML and the browser's
 * assertion consumer service: the SAML provider is looked up by its exact ARN, its metadata gives
 * the trust (entity id, signing certificates), the validator checks the response against it, each
 * assertion is accepted once on every node, and the trust policy gets AWS's {@code saml:} keys.
 */
public final class SamlAssertions {

    private final SamlProviderRepository providers;
    private final SamlMetadataReader metadata;
    private final SamlResponseValidator validator;
    private final SamlAssertionUses uses;

    public SamlAssertions(SamlProviderRepository providers, SamlMetadataReader metadata,
                          SamlResponseValidator validator, SamlAssertionUses uses) {
        this.providers = Objects.requireNonNull(providers, "providers");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.uses = Objects.requireNonNull(uses, "uses");
    }

    /** The SAML provider {@code principalArn} names exactly; AWS answers InvalidIdentityToken otherwise. */
    public SamlProvider provider(String principalArn) {
        Arn arn;
        try {
            arn = Arn.parse(principalArn);
        } catch (IamException | IllegalArgumentException e) {
            throw unknownProvider(principalArn);
        }
        String prefix = SamlProvider.RESOURCE_TYPE + "/";
        if (!arn.service().equals("iam") || !arn.resource().startsWith(prefix) || !AccountId.isValid(arn.account())) {
            throw unknownProvider(principalArn);
        }
        return providers.findByName(new AccountId(arn.account()), arn.resource().substring(prefix.length()))
                .filter(found -> found.arn().toString().equals(arn.toString()))
                .orElseThrow(() -> unknownProvider(principalArn));
    }

    /**
     * Validates {@code samlResponse} as signed by {@code provider} and addressed to one of
     * {@code endpoints} (audience and recipient), answering as {@code solicitation} says.
     */
    public ValidatedAssertion validate(String samlResponse, SamlProvider provider, Set<String> endpoints,
                                       Solicitation solicitation) {
        return validator.validate(samlResponse, trust(provider, endpoints), solicitation);
    }

    /** Records the assertion's use in the caller's transaction; InvalidIdentityToken for a replay, as AWS answers. */
    public void acceptOnce(ValidatedAssertion assertion, SamlProvider provider) {
        if (!uses.firstUse(assertion.assertionId(), provider.arn(), assertion.notOnOrAfter())) {
            throw new IamException(ErrorCode.INVALID_IDENTITY_TOKEN, "SAML Assertion has already been used");
        }
    }

    /** The trust policy's {@code saml:} keys, {@code audience} being where the assertion was presented. */
    public Map<String, List<String>> conditionKeys(ValidatedAssertion assertion, SamlProvider provider,
                                                   String audience) {
        return SamlConditionKeys.of(assertion, provider.account(), provider.name(), audience);
    }

    /** The provider's single sign-on endpoint with the given binding, from its metadata. */
    public Optional<SsoEndpoint> ssoEndpoint(SamlProvider provider, String binding) {
        return metadata.read(provider.metadataDocument()).ssoEndpoints().stream()
                .filter(endpoint -> endpoint.binding().equals(binding)).findFirst();
    }

    private SamlTrust trust(SamlProvider provider, Set<String> endpoints) {
        SamlProviderMetadata read = metadata.read(provider.metadataDocument());
        List<X509Certificate> certificates = read.signingCertificates().stream().map(SamlAssertions::certificate)
                .toList();
        return new SamlTrust(read.entityId(), certificates, endpoints, endpoints);
    }

    private static X509Certificate certificate(String base64Der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64Der)));
        } catch (CertificateException | IllegalArgumentException e) {
            throw new IamException(ErrorCode.INVALID_IDENTITY_TOKEN,
                    "The SAML provider's metadata holds a signing certificate that cannot be read");
        }
    }

    private static IamException unknownProvider(String principalArn) {
        return new IamException(ErrorCode.INVALID_IDENTITY_TOKEN, "SAML provider " + principalArn + " does not exist");
    }
}
