package io.gatehouse.web.rest;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.identity.LoginProvider;
import io.gatehouse.core.identity.LoginProviderKind;
import io.gatehouse.core.identity.LoginProviderSettings;
import io.gatehouse.core.service.LoginProviderService;
import io.gatehouse.core.sts.BearerTokens;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Optional;

/**
 * Sign-in providers (OpenID Connect and social browser sign-in) of the caller's account,
 * authorized as {@code iam:CreateLoginProvider}, {@code iam:GetLoginProvider},
 * {@code iam:ListLoginProviders}, {@code iam:UpdateLoginProvider} and {@code iam:DeleteLoginProvider}
 * on the provider's ARN, as the LDAP providers are. The client secret is accepted, never returned.
 */
@Path("/api/v1/login-providers")
@RequestScoped
@RolesAllowed(BearerTokens.GROUP)
@Produces(MediaType.APPLICATION_JSON)
public class LoginProvidersResource {

    @Inject
    ProviderDoor door;

    @Inject
    LoginProviderService providers;

    @POST
    @Transactional
    public Response create(byte[] body, @Context HttpServletRequest request) {
        return door.create(kind(), body, request);
    }

    @GET
    @Transactional
    public Response list(@Context HttpServletRequest request) {
        return door.list(kind(), request);
    }

    @GET
    @Path("{name}")
    @Transactional
    public Response get(@PathParam("name") String name, @Context HttpServletRequest request) {
        return door.get(kind(), name, request);
    }

    /** Replaces the settings; the secret stays unless {@code clientSecret} is given. */
    @PUT
    @Path("{name}")
    @Transactional
    public Response update(@PathParam("name") String name, byte[] body, @Context HttpServletRequest request) {
        return door.update(kind(), name, body, request);
    }

    @DELETE
    @Path("{name}")
    @Transactional
    public Response delete(@PathParam("name") String name, @Context HttpServletRequest request) {
        return door.delete(kind(), name, request);
    }

    private ProviderDoor.Kind<LoginProvider, LoginProviderSettings> kind() {
        return new ProviderDoor.Kind<>("LoginProvider", "loginProviders", "clientSecret", false, LoginProvider::arn,
                LoginProvidersResource::settings, LoginProvidersResource::view, new ProviderDoor.Store<>() {
                    public LoginProvider create(AccountId account, String name, LoginProviderSettings settings, Optional<String> secret) {
                        return providers.create(account, name, settings, secret);
                    }

                    public List<LoginProvider> list(AccountId account) {
                        return providers.providers(account);
                    }

                    public LoginProvider get(AccountId account, String name) {
                        return providers.provider(account, name);
                    }

                    public LoginProvider update(AccountId account, String name, LoginProviderSettings settings, Optional<String> secret) {
                        return providers.update(account, name, settings, secret);
                    }

                    public void delete(AccountId account, String name) {
                        providers.delete(account, name);
                    }
                });
    }

    private static LoginProviderSettings settings(JsonObject json) {
        LoginProviderKind kind = LoginProviderKind.of(JsonBodies.required(json, "kind"));
        List<String> scopes = json.containsKey("scopes") ? JsonBodies.strings(json.get("scopes"), "scopes") : List.of();
        return new LoginProviderSettings(kind, JsonBodies.optional(json, "issuer"), JsonBodies.optional(json, "tenant"),
                JsonBodies.optional(json, "server"), JsonBodies.optional(json, "realm"),
                JsonBodies.required(json, "clientId"), scopes,
                JsonBodies.optional(json, "clientAuthentication").orElse(kind.defaultClientAuthentication()),
                JsonBodies.required(json, "iamProviderArn"));
    }

    private static JsonObject view(LoginProvider provider) {
        LoginProviderSettings s = provider.settings();
        JsonObjectBuilder view = Json.createObjectBuilder()
                .add("arn", provider.arn().toString())
                .add("name", provider.name())
                .add("kind", s.kind().wireName());
        s.issuer().ifPresent(v -> view.add("issuer", v));
        s.tenant().ifPresent(v -> view.add("tenant", v));
        s.server().ifPresent(v -> view.add("server", v));
        s.realm().ifPresent(v -> view.add("realm", v));
        JsonArrayBuilder scopes = Json.createArrayBuilder();
        s.scopes().forEach(scopes::add);
        return view.add("clientId", s.clientId())
                .add("scopes", scopes)
                .add("clientAuthentication", s.clientAuthentication())
                .add("iamProviderArn", s.iamProviderArn())
                .add("hasClientSecret", provider.clientSecret().isPresent())
                .add("signInPath", "/signin/oidc/" + provider.account().value() + "/" + provider.name())
                .add("createDate", provider.createDate().toString())
                .build();
    }
}
