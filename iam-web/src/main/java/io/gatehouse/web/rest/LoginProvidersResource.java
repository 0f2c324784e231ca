package io.gatehouse.web.rest;

import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.LoginProvider;
import io.gatehouse.core.identity.LoginProviderKind;
import io.gatehouse.core.identity.LoginProviderSettings;
import io.gatehouse.core.service.Caller;
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
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Map;

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
    JsonWebToken jwt;

    @Inject
    BearerCallers callers;

    @Inject
    ApiAuthorization authorization;

    @Inject
    RestChanges changes;

    @Inject
    LoginProviderService providers;

    @POST
    @Transactional
    public Response create(byte[] body, @Context HttpServletRequest request) {
        try {
            Caller caller = callers.of(jwt);
            JsonObject json = JsonBodies.object(body);
            String name = JsonBodies.required(json, "name");
            authorization.authorize(caller, "iam:CreateLoginProvider", LoginProvider.arn(caller.account(), name), request);
            changes.changing(caller);
            LoginProvider created = providers.create(caller.account(), name, settings(json),
                    JsonBodies.optional(json, "clientSecret"));
            changes.audit(caller, "CreateLoginProvider", Map.of("Name", name), request);
            return Response.status(Response.Status.CREATED).entity(view(created).toString()).build();
        } catch (IamException e) {
            return JsonErrors.of(e);
        }
    }

    @GET
    @Transactional
    public Response list(@Context HttpServletRequest request) {
        try {
            Caller caller = callers.of(jwt);
            authorization.authorize(caller, "iam:ListLoginProviders", ApiAuthorization.EVERYTHING, request);
            JsonArrayBuilder array = Json.createArrayBuilder();
            providers.providers(caller.account()).forEach(p -> array.add(view(p)));
            return Response.ok(Json.createObjectBuilder().add("loginProviders", array).build().toString()).build();
        } catch (IamException e) {
            return JsonErrors.of(e);
        }
    }

    @GET
    @Path("{name}")
    @Transactional
    public Response get(@PathParam("name") String name, @Context HttpServletRequest request) {
        try {
            Caller caller = callers.of(jwt);
            authorization.authorize(caller, "iam:GetLoginProvider", LoginProvider.arn(caller.account(), name), request);
            return Response.ok(view(providers.provider(caller.account(), name)).toString()).build();
        } catch (IamException e) {
            return JsonErrors.of(e);
        }
    }

    /** Replaces the settings; the secret stays unless {@code clientSecret} is given. */
    @PUT
    @Path("{name}")
    @Transactional
    public Response update(@PathParam("name") String name, byte[] body, @Context HttpServletRequest request) {
        try {
            Caller caller = callers.of(jwt);
            authorization.authorize(caller, "iam:UpdateLoginProvider", LoginProvider.arn(caller.account(), name), request);
            JsonObject json = JsonBodies.object(body);
            changes.changing(caller);
            LoginProvider updated = providers.update(caller.account(), name, settings(json),
                    JsonBodies.optional(json, "clientSecret"));
            changes.audit(caller, "UpdateLoginProvider", Map.of("Name", name), request);
            return Response.ok(view(updated).toString()).build();
        } catch (IamException e) {
            return JsonErrors.of(e);
        }
    }

    @DELETE
    @Path("{name}")
    @Transactional
    public Response delete(@PathParam("name") String name, @Context HttpServletRequest request) {
        try {
            Caller caller = callers.of(jwt);
            authorization.authorize(caller, "iam:DeleteLoginProvider", LoginProvider.arn(caller.account(), name), request);
            changes.changing(caller);
            providers.delete(caller.account(), name);
            changes.audit(caller, "DeleteLoginProvider", Map.of("Name", name), request);
            return Response.noContent().build();
        } catch (IamException e) {
            return JsonErrors.of(e);
        }
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
