package io.gatehouse.federation.sts;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.SamlProvider;
import io.gatehouse.federation.gateway.ProvenSignIn;
import io.gatehouse.federation.mapping.FederatedIdentity;
import io.gatehouse.federation.mapping.RoleCandidate;
import io.gatehouse.federation.saml.AwsSamlAttributes;
import io.gatehouse.federation.saml.ResponseRouting;
import io.gatehouse.federation.saml.Solicitation;
import io.gatehouse.federation.saml.ValidatedAssertion;
import io.gatehouse.federation.saml.sp.AuthnRequest;
import io.gatehouse.federation.saml.sp.AuthnRequestIds;
import io.gatehouse.federation.saml.sp.ServiceProvider;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The SAML browser sign-in, Gatehouse being the service provider: SP-initiated, an AuthnRequest to
 * the provider's HTTP-Redirect endpoint; at the assertion consumer service, the posted response is
 * believed by the same rule as AssumeRoleWithSAML ({@link SamlAssertions}) and becomes a
 * {@link ProvenSignIn} for the sign-in gateway: the Role attribute's roles for this provider are
 * offered, the provider's role-mapping rules may add more, and the trust policy must allow
 * {@code sts:AssumeRoleWithSAML}, as for AWS's console sign-in.
 */
public final class SamlBrowserSignIn {

    /** How the mapping rules and the role chooser name a role that the assertion's Role attribute offered. */
    public static final String ROLE_ATTRIBUTE_RULE = "SAML Role attribute";
    /**
     * The attributes read as the identity's groups (for {@code memberOf} conditions), by the names
     * identity providers commonly give them: Keycloak's and Okta's {@code groups}, LDAP's and
     * Shibboleth's {@code memberOf} / {@code isMemberOf}, AD FS's and Entra ID's group claims. Every
     * attribute is also a claim under its own name.
     */
    public static final List<String> GROUP_ATTRIBUTES = List.of("groups", "Groups", "memberOf", "isMemberOf",
            "urn:oid:1.3.6.1.4.1.5923.1.5.1.1", "http://schemas.xmlsoap.org/claims/Group",
            "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups");

    private final SamlAssertions assertions;
    private final AuthnRequestIds requestIds;
    private final Clock clock;

    public SamlBrowserSignIn(SamlAssertions assertions, AuthnRequestIds requestIds, Clock clock) {
        this.assertions = Objects.requireNonNull(assertions, "assertions");
        this.requestIds = Objects.requireNonNull(requestIds, "requestIds");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The authentication request that starts an SP-initiated sign-in with {@code providerArn}; its
     * response is to be posted to that provider's own assertion consumer service.
     */
    public AuthnRequest authnRequest(String providerArn, ServiceProvider serviceProvider) {
        SamlProvider provider = assertions.provider(providerArn);
        String destination = assertions.ssoEndpoint(provider, AuthnRequest.HTTP_REDIRECT)
                .orElseThrow(() -> IamException.validation("The metadata of SAML provider " + providerArn
                        + " has no SingleSignOnService with the HTTP-Redirect binding; start the sign-in at the"
                        + " identity provider instead.")).location();
        return new AuthnRequest(requestIds.issue(provider.arn()), clock.instant(), destination,
                serviceProvider.assertionConsumerService(provider.account(), provider.name()),
                serviceProvider.entityId());
    }

    /**
     * Believes a response posted to {@code consumerService}: from {@code providerArn} when the URL
     * names the provider, otherwise from the one SAML provider its Role attribute names, as AWS's
     * sign-in endpoint reads it. A response answering a request must answer a recent one of ours
     * for that provider; one answering none is IdP-initiated.
     */
    public ProvenSignIn prove(String samlResponse, Optional<String> providerArn, ServiceProvider serviceProvider,
                              String consumerService) {
        Objects.requireNonNull(samlResponse, "samlResponse");
        ResponseRouting routing = ResponseRouting.read(samlResponse);
        SamlProvider provider = assertions.provider(providerArn.orElseGet(() -> namedProvider(routing,
                serviceProvider)));
        Solicitation solicitation = routing.inResponseTo()
                .map(id -> requestIds.answering(id, provider.arn())).orElse(Solicitation.unsolicited());
        ValidatedAssertion assertion = assertions.validate(samlResponse, provider,
                serviceProvider.endpoints(consumerService), solicitation);
        AwsSamlAttributes attributes = AwsSamlAttributes.readForSignIn(assertion);
        assertions.acceptOnce(assertion, provider);
        List<RoleCandidate> offered = attributes.roles().stream()
                .filter(role -> role.principalArn().toString().equals(provider.arn().toString()))
                .map(role -> new RoleCandidate(ROLE_ATTRIBUTE_RULE, role.roleArn(), List.of())).toList();
        FederatedIdentity identity = new FederatedIdentity(provider.arn(), assertion.subject(), assertion.attributes(),
                groups(assertion));
        return new ProvenSignIn(identity, SamlFederation.ACTION, attributes.roleSessionName(), offered,
                attributes.sessionDuration(), attributes.principalTags(), Set.copyOf(attributes.transitiveTagKeys()),
                attributes.sourceIdentity(), assertions.conditionKeys(assertion, provider, consumerService));
    }

    private static String namedProvider(ResponseRouting routing, ServiceProvider serviceProvider) {
        if (routing.rolePrincipalArns().size() == 1) {
            return routing.rolePrincipalArns().iterator().next();
        }
        throw new IamException(ErrorCode.INVALID_IDENTITY_TOKEN, "The SAML response's Role attribute names "
                + (routing.rolePrincipalArns().isEmpty() ? "no SAML provider" : "several SAML providers")
                + "; post it to the provider's own assertion consumer service, "
                + serviceProvider.assertionConsumerService() + "/<account id>/<provider name>.");
    }

    private static List<String> groups(ValidatedAssertion assertion) {
        Set<String> groups = new LinkedHashSet<>();
        GROUP_ATTRIBUTES.forEach(name -> groups.addAll(assertion.attribute(name)));
        return new ArrayList<>(groups);
    }
}
