package io.gatehouse.web.rest;

import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.LdapProvider;
import io.gatehouse.core.identity.LdapSettings;
import io.gatehouse.core.service.Caller;
import io.gatehouse.core.service.LdapProviderService;
import io.gatehouse.core.sts.BearerTokens;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * LDAP providers of the caller's account, authorized as {@code iam:CreateLDAPProvider},
 * {@code iam:GetLDAPProvider}, {@code iam:ListLDAPProviders}, {@code iam:UpdateLDAPProvider} and
 * {@code iam:DeleteLDAPProvider} on the provider's ARN. The bind password is accepted, never returned.
 */
@Path("/api/v1/ldap-providers")
@RequestScoped
@RolesAllowed(BearerTokens.GROUP)
@Produces(MediaType.APPLICATION_JSON)
public class LdapProvidersResource {

    static final int DEFAULT_TIMEOUT_SECONDS = 10;

    @Inject
    JsonWebToken jwt;

    @Inject
    BearerCallers callers;

    @Inject
    ApiAuthorization authorization;

    @Inject
    RestChanges changes;

    @Inject
    LdapProviderService providers;

    @POST
    @Transactional
    public Response create(byte[] body, @Context HttpServletRequest request) {
        try {
            Caller caller = callers.of(jwt);
            JsonObject json = JsonBodies.object(body);
            String name = JsonBodies.required(json, "name");
            authorization.authorize(caller, "iam:CreateLDAPProvider", LdapProvider.arn(caller.account(), name), request);
            changes.changing(caller);
            LdapProvider created = providers.create(caller.account(), name, settings(json),
                    JsonBodies.required(json, "bindPassword"));
            changes.audit(caller, "CreateLDAPProvider", Map.of("Name", name), request);
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
            authorization.authorize(caller, "iam:ListLDAPProviders", ApiAuthorization.EVERYTHING, request);
            JsonArrayBuilder array = Json.createArrayBuilder();
            providers.providers(caller.account()).forEach(p -> array.add(view(p)));
            return Response.ok(Json.createObjectBuilder().add("ldapProviders", array).build().toString()).build();
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
            authorization.authorize(caller, "iam:GetLDAPProvider", LdapProvider.arn(caller.account(), name), request);
            return Response.ok(view(providers.provider(caller.account(), name)).toString()).build();
        } catch (IamException e) {
            return JsonErrors.of(e);
        }
    }

    /** Replaces the settings; the password stays unless {@code bindPassword} is given. */
    @PUT
    @Path("{name}")
    @Transactional
    public Response update(@PathParam("name") String name, byte[] body, @Context HttpServletRequest request) {
        try {
            Caller caller = callers.of(jwt);
            authorization.authorize(caller, "iam:UpdateLDAPProvider", LdapProvider.arn(caller.account(), name), request);
            JsonObject json = JsonBodies.object(body);
            changes.changing(caller);
            Optional<String> password = JsonBodies.optional(json, "bindPassword");
            LdapProvider updated = providers.update(caller.account(), name, settings(json), password);
            changes.audit(caller, "UpdateLDAPProvider", Map.of("Name", name), request);
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
            authorization.authorize(caller, "iam:DeleteLDAPProvider", LdapProvider.arn(caller.account(), name), request);
            changes.changing(caller);
            providers.delete(caller.account(), name);
            changes.audit(caller, "DeleteLDAPProvider", Map.of("Name", name), request);
            return Response.noContent().build();
        } catch (IamException e) {
            return JsonErrors.of(e);
        }
    }

    private static LdapSettings settings(JsonObject json) {
        int timeout = JsonBodies.integer(json, "timeoutSeconds", DEFAULT_TIMEOUT_SECONDS);
        return new LdapSettings(JsonBodies.required(json, "url"), JsonBodies.required(json, "bindDn"),
                JsonBodies.required(json, "userSearchBase"), JsonBodies.required(json, "userFilter"),
                JsonBodies.required(json, "groupSearchBase"),
                JsonBodies.optional(json, "groupResolution").orElse("MEMBER_OF_NESTED"),
                JsonBodies.flag(json, "activeDirectory", false), Duration.ofSeconds(timeout));
    }

    private static JsonObject view(LdapProvider provider) {
        LdapSettings s = provider.settings();
        return Json.createObjectBuilder()
                .add("arn", provider.arn().toString())
                .add("name", provider.name())
                .add("url", s.url())
                .add("bindDn", s.bindDn())
                .add("userSearchBase", s.userSearchBase())
                .add("userFilter", s.userFilter())
                .add("groupSearchBase", s.groupSearchBase())
                .add("groupResolution", s.groupResolution())
                .add("activeDirectory", s.activeDirectory())
                .add("timeoutSeconds", s.timeout().toSeconds())
                .add("createDate", provider.createDate().toString())
                .build();
    }
}
