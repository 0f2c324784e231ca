package io.gatehouse.federation.sts;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.Constraint;
import io.gatehouse.core.identity.OpenIdConnectProvider;
import io.gatehouse.core.port.OpenIdConnectProviderRepository;
import io.gatehouse.core.service.FederatedSessions;
import io.gatehouse.core.service.RequestFacts;
import io.gatehouse.core.sts.FederatedRoleRequest;
import io.gatehouse.core.sts.IssuedSession;
import io.gatehouse.federation.oidc.SessionTagsClaim;
import io.gatehouse.federation.oidc.VerifiedWebIdentity;
import io.gatehouse.federation.oidc.WebIdentityTokenVerifier;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code AssumeRoleWithWebIdentity} with OpenID Connect tokens: the token's issuer must be an OIDC
 * provider of the role's account and its audience one of the provider's client ids; the role's
 * trust policy then decides with the provider's keys ({@code <url without scheme>:aud}, {@code :sub},
 * {@code :amr}). Session tags come from the token's {@code https://aws.amazon.com/tags} claim.
 */
public final class WebIdentityFederation {

    public static final String ACTION = "sts:AssumeRoleWithWebIdentity";

    private final OpenIdConnectProviderRepository providers;
    private final WebIdentityTokenVerifier verifier;
    private final FederatedSessions sessions;

    public WebIdentityFederation(OpenIdConnectProviderRepository providers, WebIdentityTokenVerifier verifier,
                                 FederatedSessions sessions) {
        this.providers = Objects.requireNonNull(providers, "providers");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    public WebIdentitySession assumeRole(WebIdentityRoleRequest request, RequestFacts facts) {
        Constraint.ARN.check("RoleArn", request.roleArn());
        Constraint.ROLE_SESSION_NAME.check("RoleSessionName", request.roleSessionName());
        AccountOidcProviders registered = new AccountOidcProviders(providers, roleAccount(request.roleArn()));
        VerifiedWebIdentity identity = verifier.verify(request.webIdentityToken(), registered);
        OpenIdConnectProvider provider = registered.registered(identity.issuer())
                .orElseThrow(() -> IamException.accessDenied("Not authorized to perform " + ACTION));
        String providerArn = provider.arn().toString();
        SessionTagsClaim tags = SessionTagsClaim.read(identity.claims());
        IssuedSession issued = sessions.assumeRole(new FederatedRoleRequest(ACTION, providerArn, request.roleArn(),
                request.roleSessionName(), request.durationSeconds(), Optional.empty(), request.policies(), tags.tags(),
                tags.transitiveTagKeys(), Optional.empty(), keys(identity).of(provider)), facts);
        return new WebIdentitySession(issued, identity.subject(), providerArn, identity.audience());
    }

    /**
     * The account whose providers may vouch for the caller: the role's. An ARN that names no
     * account's role is refused like an unknown role, after the token check.
     */
    private static AccountId roleAccount(String roleArn) {
        try {
            Arn arn = Arn.parse(roleArn);
            if (AccountId.isValid(arn.account())) {
                return new AccountId(arn.account());
            }
        } catch (IamException | IllegalArgumentException e) {
            // falls through to the refusal below
        }
        throw IamException.accessDenied("Not authorized to perform " + ACTION);
    }

    private static WebIdentityKeys keys(VerifiedWebIdentity identity) {
        return new WebIdentityKeys(identity.subject(), identity.audience(), identity.amr(),
                identity.claim("azp").map(Object::toString));
    }
}
