package io.gatehouse.web.rest;

import io.gatehouse.core.error.IamException;
import io.gatehouse.core.service.Caller;
import io.gatehouse.core.sts.BearerTokens;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who the bearer token speaks for: the JSON API's GetCallerIdentity, needing no permission. */
@Path("/api/v1/caller")
@RequestScoped
public class CallerResource {

    @Inject
    JsonWebToken jwt;

    @Inject
    BearerCallers callers;

    @GET
    @RolesAllowed(BearerTokens.GROUP)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Response caller() {
        try {
            Caller caller = callers.of(jwt);
            JsonObjectBuilder json = Json.createObjectBuilder()
                    .add("account", caller.account().value())
                    .add("arn", caller.arn().toString())
                    .add("userId", caller.principalId());
            caller.session().ifPresent(s -> json.add("sessionExpiresAt", s.expiration().toString()));
            return Response.ok(json.build().toString()).build();
        } catch (IamException e) {
            return JsonErrors.of(e);
        }
    }
}
