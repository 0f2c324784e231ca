package io.gatehouse.federation.sts;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.federation.SamlMetadataReader;
import io.gatehouse.core.federation.SamlProviderMetadata;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.SamlProvider;
import io.gatehouse.core.port.SamlAssertionUses;
import io.gatehouse.core.port.SamlProviderRepository;
import io.gatehouse.core.service.FederatedSessions;
import io.gatehouse.core.service.RequestFacts;
import io.gatehouse.core.sts.FederatedRoleRequest;
import io.gatehouse.core.sts.IssuedSession;
import io.gatehouse.federation.saml.AwsSamlAttributes;
import io.gatehouse.federation.saml.SamlResponseValidator;
import io.gatehouse.federation.saml.SamlRole;
import io.gatehouse.federation.saml.SamlTrust;
import io.gatehouse.federation.saml.ValidatedAssertion;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code AssumeRoleWithSAML}: the response must be signed by the SAML provider named as
 * PrincipalArn and addressed to AWS's endpoint (or Gatehouse's own service provider entity id),
 * its Role attribute must offer the requested role with that provider, and its assertion is
 * accepted once. The role's trust policy then decides with AWS's {@code saml:} keys.
 */
public final class SamlFederation {

    public static final String ACTION = "sts:AssumeRoleWithSAML";

    private final SamlProviderRepository providers;
    private final SamlMetadataReader metadata;
    private final SamlResponseValidator validator;
    private final SamlAssertionUses uses;
    private final FederatedSessions sessions;
    private final Set<String> endpoints;

    /** @param serviceProviderEntityId Gatehouse's own SP entity id, accepted beside AWS's endpoint */
    public SamlFederation(SamlProviderRepository providers, SamlMetadataReader metadata, SamlResponseValidator validator,
                          SamlAssertionUses uses, FederatedSessions sessions, Optional<String> serviceProviderEntityId) {
        this.providers = Objects.requireNonNull(providers, "providers");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.uses = Objects.requireNonNull(uses, "uses");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        Set<String> accepted = new LinkedHashSet<>();
        accepted.add(SamlTrust.AWS_SIGN_IN);
        serviceProviderEntityId.filter(id -> !id.isBlank()).ifPresent(accepted::add);
        this.endpoints = Set.copyOf(accepted);
    }

    public SamlSession assumeRole(SamlRoleRequest request, RequestFacts facts) {
        Constraint.ARN.check("RoleArn", request.roleArn());
        Constraint.ARN.check("PrincipalArn", request.principalArn());
        SamlProvider provider = provider(request.principalArn());
        ValidatedAssertion assertion = validator.validate(request.samlAssertion(), trust(provider));
        AwsSamlAttributes attributes = AwsSamlAttributes.read(assertion);
        if (attributes.roles().stream().noneMatch(role -> offers(role, request))) {
            throw IamException.accessDenied("Not authorized to perform " + ACTION);
        }
        if (!uses.firstUse(assertion.assertionId(), provider.arn(), assertion.notOnOrAfter())) {
            throw new IamException(ErrorCode.INVALID_IDENTITY_TOKEN, "SAML Assertion has already been used");
        }
        String nameQualifier = AwsSamlAttributes.nameQualifier(assertion.issuer(), provider.account(), provider.name());
        IssuedSession issued = sessions.assumeRole(new FederatedRoleRequest(ACTION, provider.arn().toString(),
                request.roleArn(), attributes.roleSessionName(), request.durationSeconds(),
                attributes.sessionDuration(), request.policies(), attributes.principalTags(),
                Set.copyOf(attributes.transitiveTagKeys()), attributes.sourceIdentity(),
                conditionKeys(assertion, provider, nameQualifier)), facts);
        return new SamlSession(issued, assertion.subject(), assertion.subjectType(), assertion.issuer(),
                SamlTrust.AWS_SIGN_IN, nameQualifier);
    }

    /** PrincipalArn must name a SAML provider of its account exactly; AWS answers InvalidIdentityToken otherwise. */
    private SamlProvider provider(String principalArn) {
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

    private SamlTrust trust(SamlProvider provider) {
        SamlProviderMetadata read = metadata.read(provider.metadataDocument());
        List<X509Certificate> certificates = read.signingCertificates().stream().map(SamlFederation::certificate).toList();
        return new SamlTrust(read.entityId(), certificates, endpoints, endpoints);
    }

    private static boolean offers(SamlRole role, SamlRoleRequest request) {
        return role.roleArn().toString().equals(request.roleArn())
                && role.principalArn().toString().equals(request.principalArn());
    }

    /** AWS's SAML condition keys ("Available keys for SAML-based federation"). */
    private static Map<String, List<String>> conditionKeys(ValidatedAssertion assertion, SamlProvider provider,
                                                           String nameQualifier) {
        Map<String, List<String>> keys = new HashMap<>();
        keys.put("saml:aud", List.of(SamlTrust.AWS_SIGN_IN));
        keys.put("saml:iss", List.of(assertion.issuer()));
        keys.put("saml:sub", List.of(assertion.subject()));
        keys.put("saml:sub_type", List.of(assertion.subjectType()));
        keys.put("saml:namequalifier", List.of(nameQualifier));
        keys.put("saml:doc", List.of(provider.account().value() + "/" + provider.name()));
        return keys;
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
