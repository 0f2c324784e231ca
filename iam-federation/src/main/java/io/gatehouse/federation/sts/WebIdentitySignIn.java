package io.gatehouse.federation.sts;

import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.LoginProvider;
import io.gatehouse.core.identity.LoginProviderKind;
import io.gatehouse.core.identity.OpenIdConnectProvider;
import io.gatehouse.core.port.OpenIdConnectProviderRepository;
import io.gatehouse.federation.gateway.ProvenSignIn;
import io.gatehouse.federation.login.SignedInIdentity;
import io.gatehouse.federation.mapping.FederatedIdentity;
import io.gatehouse.federation.oidc.SessionTagsClaim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A browser sign-in at an OpenID Connect or social provider, as the gateway takes it: the person
 * proven to the IAM OIDC provider the sign-in provider is linked to, with the condition keys and
 * session tags {@code AssumeRoleWithWebIdentity} would give the same ID token. The link is checked
 * again here, since the IAM provider may have changed since the sign-in provider was saved.
 *
 * <p>Groups for the mapping rules: the {@code groups} claim, and for Keycloak also the realm roles
 * ({@code realm_access.roles}). Every claim stays readable by its (dotted) name.
 */
public final class WebIdentitySignIn {

    private static final int MAX_SESSION_NAME = 64;

    private final OpenIdConnectProviderRepository providers;

    public WebIdentitySignIn(OpenIdConnectProviderRepository providers) {
        this.providers = Objects.requireNonNull(providers, "providers");
    }

    public ProvenSignIn prove(LoginProvider configured, SignedInIdentity identity) {
        String clientId = configured.settings().clientId();
        OpenIdConnectProvider iamProvider = new AccountOidcProviders(providers, configured.account())
                .registered(identity.issuer())
                .filter(found -> found.arn().toString().equals(configured.settings().iamProviderArn()))
                .filter(found -> !configured.settings().kind().issuesIdTokens() || found.clientIds().contains(clientId))
                .orElseThrow(() -> IamException.accessDenied("Not authorized to perform " + WebIdentityFederation.ACTION
                        + ": the IAM OIDC provider " + configured.settings().iamProviderArn()
                        + " does not trust this sign-in provider's issuer and client id"));
        FederatedIdentity federated = new FederatedIdentity(iamProvider.arn(), identity.subject(), identity.claims(),
                groups(configured, identity));
        SessionTagsClaim tags = SessionTagsClaim.readFlat(identity.claims());
        WebIdentityKeys keys = new WebIdentityKeys(identity.subject(), clientId, identity.claim("amr"),
                identity.claim("azp").stream().findFirst());
        return new ProvenSignIn(federated, WebIdentityFederation.ACTION, sessionName(identity), List.of(),
                Optional.empty(), tags.tags(), tags.transitiveTagKeys(), Optional.empty(), keys.of(iamProvider));
    }

    private static List<String> groups(LoginProvider configured, SignedInIdentity identity) {
        LinkedHashSet<String> groups = new LinkedHashSet<>(identity.claim("groups"));
        if (configured.settings().kind() == LoginProviderKind.KEYCLOAK) {
            groups.addAll(identity.claim("realm_access.roles"));
        }
        return new ArrayList<>(groups);
    }

    /**
     * The person's user name, else email, else subject, in AWS's RoleSessionName alphabet
     * ({@code [\w+=,.@-]}, 2 to 64 characters): anything else becomes {@code -}.
     */
    static String sessionName(SignedInIdentity identity) {
        return Stream.of(identity.username(), identity.email(), Optional.of(identity.subject()))
                .flatMap(Optional::stream)
                .map(WebIdentitySignIn::sanitized)
                .filter(name -> name.length() >= 2)
                .findFirst()
                .orElseGet(() -> (sanitized(identity.subject()) + "--").substring(0, 2));
    }

    private static String sanitized(String name) {
        String safe = name.replaceAll("[^\\w+=,.@-]", "-");
        return safe.length() > MAX_SESSION_NAME ? safe.substring(0, MAX_SESSION_NAME) : safe;
    }
}
