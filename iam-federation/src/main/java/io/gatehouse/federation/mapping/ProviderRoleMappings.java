package io.gatehouse.federation.mapping;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.LdapProvider;
import io.gatehouse.core.identity.OpenIdConnectProvider;
import io.gatehouse.core.identity.SamlProvider;
import io.gatehouse.core.port.RoleMappingRepository;
import io.gatehouse.core.service.IdentityProviderService;
import io.gatehouse.core.service.LdapProviderService;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The role-mapping rules of each identity provider of an account, SAML, OIDC and LDAP alike:
 * saved only when the document reads (refused with {@code ValidationError} naming the path and
 * position), read back as saved, removed, and tried against an identity without assuming anything.
 * The provider must exist in the caller's account.
 */
public final class ProviderRoleMappings {

    private final RoleMappingRepository documents;
    private final IdentityProviderService identityProviders;
    private final LdapProviderService ldapProviders;

    public ProviderRoleMappings(RoleMappingRepository documents, IdentityProviderService identityProviders,
                                LdapProviderService ldapProviders) {
        this.documents = documents;
        this.identityProviders = identityProviders;
        this.ldapProviders = ldapProviders;
    }

    /** Validates and saves the document, replacing any earlier one. */
    public RoleMappingRules put(AccountId account, String providerArn, String document) {
        Arn provider = existingProvider(account, providerArn);
        RoleMappingRules rules = RoleMappingDocument.parse(document);
        documents.put(account, provider, document);
        return rules;
    }

    /** The document as it was saved. */
    public String document(AccountId account, String providerArn) {
        Arn provider = existingProvider(account, providerArn);
        return documents.find(provider).orElseThrow(() -> noRules(provider));
    }

    public void delete(AccountId account, String providerArn) {
        Arn provider = existingProvider(account, providerArn);
        if (!documents.delete(provider)) {
            throw noRules(provider);
        }
    }

    /** The dry run: what the saved rules make of an identity, rule by rule. */
    public MappingExplanation dryRun(AccountId account, String providerArn, String subject,
                                     Map<String, List<String>> claims,
                                     List<String> groups) {
        Arn provider = existingProvider(account, providerArn);
        RoleMappingRules rules = rules(provider).orElseThrow(() -> noRules(provider));
        if (subject == null || subject.isEmpty()) {
            throw IamException.validation("subject must not be empty");
        }
        return rules.explain(new FederatedIdentity(provider, subject, claims, groups));
    }

    /** The provider's rules, read from the saved document; empty when it has none. */
    public Optional<RoleMappingRules> rules(Arn provider) {
        return documents.find(provider).map(RoleMappingDocument::parse);
    }

    /** The ARN of a SAML, OIDC or LDAP provider of the account; NoSuchEntity when there is none. */
    Arn existingProvider(AccountId account, String text) {
        Arn arn;
        try {
            arn = Arn.parse(text);
        } catch (RuntimeException e) {
            throw new IamException(ErrorCode.INVALID_INPUT, "ARN " + text + " is not valid.");
        }
        String resource = arn.resource();
        if (resource.startsWith(LdapProvider.RESOURCE_TYPE + "/")) {
            return ldapProviders.provider(account, arn).arn();
        }
        if (resource.startsWith(SamlProvider.RESOURCE_TYPE + "/")) {
            return identityProviders.samlProvider(account, text).arn();
        }
        if (resource.startsWith(OpenIdConnectProvider.RESOURCE_TYPE + "/")) {
            return identityProviders.openIdConnectProvider(account, text).arn();
        }
        throw new IamException(ErrorCode.INVALID_INPUT, "ARN " + text
                + " is not valid: role mappings belong to saml-provider, oidc-provider or ldap-provider ARNs.");
    }

    private static IamException noRules(Arn provider) {
        return IamException.noSuchEntity("The provider " + provider + " has no role mappings.");
    }
}
