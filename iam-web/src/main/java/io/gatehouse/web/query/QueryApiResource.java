package io.gatehouse.web.query;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.audit.RequestIds;
import io.gatehouse.web.auth.SignedRequests;
import io.gatehouse.web.json.JsonApiDoor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * What reaches JAX-RS at {@code /}: the JSON-protocol services (Organizations), told apart by
 * their target. The Query API at the same address is served by {@link QueryApiFilter} before this.
 */
@Path("/")
@ApplicationScoped
public class QueryApiResource {

    @Inject
    JsonApiDoor json;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response post(byte[] body, @Context HttpHeaders headers, @Context UriInfo uri,
                         @Context HttpServletRequest servlet) {
        String target = headers.getHeaderString(JsonApiDoor.TARGET_HEADER);
        if (target == null) {
            // The filter answers every Query API request; only a misrouted one gets here.
            return ErrorResponses.of(new IamException(ErrorCode.MISSING_ACTION,
                    "The request must contain the parameter Action."), IamActions.NAMESPACE, RequestIds.next());
        }
        return json.handle(SignedRequests.view("POST", body, headers, uri), target, servlet.getRemoteAddr(),
                servlet.isSecure());
    }
}
