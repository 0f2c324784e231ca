package io.gatehouse.web.rest;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.federation.ProviderUrl;
import io.gatehouse.core.identity.OpenIdConnectProvider;
import io.gatehouse.core.identity.SamlProvider;
import io.gatehouse.core.service.Caller;
import io.gatehouse.core.service.IdentityProviderService;
import io.gatehouse.core.sts.BearerTokens;
import io.gatehouse.federation.keycloak.ConnectedRealm;
import io.gatehouse.federation.keycloak.GatehouseServiceProvider;
import io.gatehouse.federation.keycloak.KeycloakRealm;
import io.gatehouse.federation.keycloak.KeycloakRealmConnector;
import io.gatehouse.federation.keycloak.OidcClientType;
import io.gatehouse.federation.keycloak.Protocol;
import io.gatehouse.federation.keycloak.RealmGroup;
import io.gatehouse.federation.saml.SamlTrust;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * "Connect a Keycloak realm" in one call: Gatehouse is registered in the realm as a SAML and/or an
 * OIDC client ({@link KeycloakRealmConnector}) and the matching SAML and OIDC providers are created
 * in the caller's account, authorized as {@code iam:CreateSAMLProvider} and
 * {@code iam:CreateOpenIDConnectProvider} on their ARNs, as the Query API authorizes them. The
 * realm's groups are listed under the same authorization, so mapping rules can name them.
 * Admin credentials arrive in the body only; they are neither logged, stored nor audited.
 */
@Path("/api/v1/keycloak-realms")
@RequestScoped
@RolesAllowed(BearerTokens.GROUP)
@Produces(MediaType.APPLICATION_JSON)
public class KeycloakRealmsResource {

    /** The name of Gatehouse's client in the realm's IdP-initiated sign-in URL. */
    static final String SIGN_IN_NAME = "gatehouse";
    static final String DEFAULT_OIDC_CLIENT_ID = "gatehouse";

    @Inject
    JsonWebToken jwt;

    @Inject
    BearerCallers callers;

    @Inject
    ApiAuthorization authorization;

    @Inject
    RestChanges changes;

    @Inject
    IdentityProviderService providers;

    @Inject
    KeycloakRealmConnector connector;

    /** Gatehouse's own SAML entity id when configured; AWS's endpoint otherwise (see SamlFederation). */
    @Inject
    @ConfigProperty(name = "gatehouse.saml.sp-entity-id")
    Optional<String> samlEntityId;

    @POST
    @Transactional
    public Response connect(byte[] body, @Context HttpServletRequest request) {
        try {
            Caller caller = callers.of(jwt);
            JsonObject json = JsonBodies.object(body);
            KeycloakConnection connection = KeycloakConnection.read(json);
            Set<Protocol> protocols = KeycloakConnection.protocols(json);
            AccountId account = caller.account();
            if (protocols.contains(Protocol.SAML)) {
                Arn arn = SamlProvider.arn(account, connection.providerName());
                authorization.authorize(caller, "iam:CreateSAMLProvider", arn, request);
                requireAbsent(() -> providers.samlProvider(account, arn.toString()), "SAMLProvider with name "
                        + connection.providerName() + " already exists.");
            }
            if (protocols.contains(Protocol.OIDC)) {
                authorizeOidc(caller, connection.realm().realmUrl(), request);
            }
            GatehouseServiceProvider sp = serviceProvider(json, protocols);
            ConnectedRealm connected = connector.connect(connection.realm(), sp, protocols);
            changes.changing(caller);
            JsonObjectBuilder answer = Json.createObjectBuilder()
                    .add("serverUrl", connection.realm().serverUrl().toString())
                    .add("realm", connection.realm().realm());
            if (protocols.contains(Protocol.SAML)) {
                SamlProvider saml = providers.createSamlProvider(account, connection.providerName(),
                        connected.samlMetadataXml(), List.of());
                answer.add("samlProviderArn", saml.arn().toString())
                        .add("samlClientId", sp.samlEntityId())
                        .add("samlSignInUrl", connection.realm().realmUrl() + "/protocol/saml/clients/" + SIGN_IN_NAME);
            }
            if (protocols.contains(Protocol.OIDC)) {
                URI issuer = URI.create(connected.oidcIssuer());
                authorizeOidc(caller, issuer, request);
                OpenIdConnectProvider oidc = providers.createOpenIdConnectProvider(account,
                        new IdentityProviderService.NewOpenIdConnectProvider(connected.oidcIssuer(),
                                List.of(connected.oidcClientId()), IssuerThumbprint.of(issuer,
                                KeycloakRealmConnector.DEFAULT_TIMEOUT), List.of()));
                answer.add("oidcProviderArn", oidc.arn().toString())
                        .add("oidcIssuer", connected.oidcIssuer())
                        .add("oidcClientId", connected.oidcClientId());
                // Keycloak keeps the secret; Gatehouse answers it once and keeps no copy.
                connected.oidcClientSecret().ifPresent(secret -> answer.add("oidcClientSecret", secret));
            }
            changes.audit(caller, "ConnectKeycloakRealm", Map.of("ServerUrl", connection.realm().serverUrl().toString(),
                    "Realm", connection.realm().realm(), "Protocols", protocols.toString()), request);
            return Response.status(Response.Status.CREATED).entity(answer.build().toString()).build();
        } catch (IamException e) {
            return JsonErrors.of(e);
        }
    }

    /** POST, not GET: the admin credentials travel in the body, never in a URL. */
    @POST
    @Path("groups")
    public Response groups(byte[] body, @Context HttpServletRequest request) {
        try {
            Caller caller = callers.of(jwt);
            JsonObject json = JsonBodies.object(body);
            KeycloakConnection connection = KeycloakConnection.read(json);
            authorization.authorize(caller, "iam:CreateSAMLProvider",
                    SamlProvider.arn(caller.account(), connection.providerName()), request);
            JsonArrayBuilder groups = Json.createArrayBuilder();
            for (RealmGroup group : connector.groups(connection.realm())) {
                groups.add(Json.createObjectBuilder().add("id", group.id()).add("name", group.name())
                        .add("path", group.path()));
            }
            return Response.ok(Json.createObjectBuilder().add("realm", connection.realm().realm())
                    .add("groups", groups).build().toString()).build();
        } catch (IamException e) {
            return JsonErrors.of(e);
        }
    }

    private void authorizeOidc(Caller caller, URI issuer, HttpServletRequest request) {
        ProviderUrl url = IdentityProviderService.url(issuer.toString());
        Arn arn = OpenIdConnectProvider.arn(caller.account(), url);
        authorization.authorize(caller, "iam:CreateOpenIDConnectProvider", arn, request);
        requireAbsent(() -> providers.openIdConnectProvider(caller.account(), arn.toString()),
                "Provider with url " + url + " already exists.");
    }

    /** Refused before Keycloak is touched, so a clash leaves the realm as it was. */
    private static void requireAbsent(Runnable lookup, String message) {
        try {
            lookup.run();
        } catch (IamException e) {
            if (e.code() == ErrorCode.NO_SUCH_ENTITY) {
                return;
            }
            throw e;
        }
        throw IamException.alreadyExists(message);
    }

    /**
     * Gatehouse as the realm's client: assertions for the audience and recipient SamlFederation accepts
     * (posted to AWS's endpoint, as IdPs set up for AWS do), and, for OIDC, the redirect URIs of the application that will take the users' ID tokens.
     */
    private GatehouseServiceProvider serviceProvider(JsonObject json, Set<Protocol> protocols) {
        String entityId = samlEntityId.filter(id -> !id.isBlank()).orElse(SamlTrust.AWS_SIGN_IN);
        List<String> redirects = JsonBodies.strings(json.get("oidcRedirectUris"), "oidcRedirectUris");
        if (protocols.contains(Protocol.OIDC) && redirects.isEmpty()) {
            throw IamException.validation("oidcRedirectUris is required with protocol oidc: the exact redirect URIs "
                    + "of the application that signs users in");
        }
        OidcClientType type = JsonBodies.flag(json, "oidcPublicClient", false)
                ? OidcClientType.PUBLIC : OidcClientType.CONFIDENTIAL;
        try {
            return new GatehouseServiceProvider(entityId, URI.create(SamlTrust.AWS_SIGN_IN), Optional.of(SIGN_IN_NAME),
                    JsonBodies.optional(json, "oidcClientId").orElse(DEFAULT_OIDC_CLIENT_ID),
                    (redirects.isEmpty() ? List.of(SamlTrust.AWS_SIGN_IN) : redirects).stream().map(URI::create).toList(), type);
        } catch (IllegalArgumentException e) {
            throw IamException.validation(e.getMessage());
        }
    }
}
