package io.gatehouse.federation.sts;

import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.SamlProvider;
import io.gatehouse.core.service.FederatedSessions;
import io.gatehouse.core.service.RequestFacts;
import io.gatehouse.core.sts.FederatedRoleRequest;
import io.gatehouse.core.sts.IssuedSession;
import io.gatehouse.core.error.IamException;
import io.gatehouse.federation.saml.AwsSamlAttributes;
import io.gatehouse.federation.saml.SamlRole;
import io.gatehouse.federation.saml.SamlTrust;
import io.gatehouse.federation.saml.Solicitation;
import io.gatehouse.federation.saml.ValidatedAssertion;

import java.util.LinkedHashSet;
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

    private final SamlAssertions assertions;
    private final FederatedSessions sessions;
    private final Set<String> endpoints;

    /** @param serviceProviderEntityId Gatehouse's own SP entity id, accepted beside AWS's endpoint */
    public SamlFederation(SamlAssertions assertions, FederatedSessions sessions,
                          Optional<String> serviceProviderEntityId) {
        this.assertions = Objects.requireNonNull(assertions, "assertions");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        Set<String> accepted = new LinkedHashSet<>();
        accepted.add(SamlTrust.AWS_SIGN_IN);
        serviceProviderEntityId.filter(id -> !id.isBlank()).ifPresent(accepted::add);
        this.endpoints = Set.copyOf(accepted);
    }

    public SamlSession assumeRole(SamlRoleRequest request, RequestFacts facts) {
        Constraint.ARN.check("RoleArn", request.roleArn());
        Constraint.ARN.check("PrincipalArn", request.principalArn());
        SamlProvider provider = assertions.provider(request.principalArn());
        // As in AWS, STS has no request to match InResponseTo to.
        ValidatedAssertion assertion = assertions.validate(request.samlAssertion(), provider, endpoints,
                Solicitation.unchecked());
        AwsSamlAttributes attributes = AwsSamlAttributes.read(assertion);
        if (attributes.roles().stream().noneMatch(role -> offers(role, request))) {
            throw IamException.accessDenied("Not authorized to perform " + ACTION);
        }
        assertions.acceptOnce(assertion, provider);
        var keys = assertions.conditionKeys(assertion, provider, SamlTrust.AWS_SIGN_IN);
        IssuedSession issued = sessions.assumeRole(new FederatedRoleRequest(ACTION, provider.arn().toString(),
                request.roleArn(), attributes.roleSessionName(), request.durationSeconds(),
                attributes.sessionDuration(), request.policies(), attributes.principalTags(),
                Set.copyOf(attributes.transitiveTagKeys()), attributes.sourceIdentity(), keys), facts);
        return new SamlSession(issued, assertion.subject(), assertion.subjectType(), assertion.issuer(),
                SamlTrust.AWS_SIGN_IN, keys.get("saml:namequalifier").get(0));
    }

    private static boolean offers(SamlRole role, SamlRoleRequest request) {
        return role.roleArn().toString().equals(request.roleArn())
                && role.principalArn().toString().equals(request.principalArn());
    }
}
