package io.gatehouse.web.rest;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.identity.LdapProvider;
import io.gatehouse.core.identity.LdapSettings;
import io.gatehouse.core.service.LdapProviderService;
import io.gatehouse.core.sts.BearerTokens;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
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

import java.time.Duration;
import java.util.List;
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
    ProviderDoor door;

    @Inject
    LdapProviderService providers;

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

    /** Replaces the settings; the password stays unless {@code bindPassword} is given. */
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

    private ProviderDoor.Kind<LdapProvider, LdapSettings> kind() {
        return new ProviderDoor.Kind<>("LDAPProvider", "ldapProviders", "bindPassword", true, LdapProvider::arn,
                LdapProvidersResource::settings, LdapProvidersResource::view, new ProviderDoor.Store<>() {
                    public LdapProvider create(AccountId account, String name, LdapSettings settings, Optional<String> secret) {
                        return providers.create(account, name, settings, secret.orElseThrow());
                    }

                    public List<LdapProvider> list(AccountId account) {
                        return providers.providers(account);
                    }

                    public LdapProvider get(AccountId account, String name) {
                        return providers.provider(account, name);
                    }

                    public LdapProvider update(AccountId account, String name, LdapSettings settings, Optional<String> secret) {
                        return providers.update(account, name, settings, secret);
                    }

                    public void delete(AccountId account, String name) {
                        providers.delete(account, name);
                    }
                });
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
