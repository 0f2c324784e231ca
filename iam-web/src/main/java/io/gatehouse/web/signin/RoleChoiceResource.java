package io.gatehouse.web.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The role chooser's post: the sealed choice, the role picked, and this browser's binding cookie. */
@Path("/signin/role")
@ApplicationScoped
public class RoleChoiceResource {

    @Inject
    SignInDoor door;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@FormParam("choiceToken") String choiceToken, @FormParam("roleArn") String roleArn,
                           @Context HttpServletRequest request, @Context HttpHeaders headers) {
        return door.choose(choiceToken, roleArn, request, headers);
    }
}
