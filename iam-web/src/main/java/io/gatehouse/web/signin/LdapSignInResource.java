package io.gatehouse.web.signin;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.LdapProvider;
import io.gatehouse.federation.ldap.LdapIdentityFederation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The directory sign-in (Active Directory or any LDAP): a user name and password form for one LDAP
 * provider of an account; the password is checked by a bind, the groups go to the provider's
 * role-mapping rules, and the chosen role's trust policy decides.
 */
@Path("/signin/ldap/{accountId}/{providerName}")
@ApplicationScoped
public class LdapSignInResource {

    @Inject
    SignInDoor door;

    @Inject
    LdapIdentityFederation federation;

    @GET
    public Response form(@PathParam("accountId") String accountId, @PathParam("providerName") String providerName) {
        return door.html(200, SignInPages.passwordForm("/signin/ldap/" + accountId + "/" + providerName, providerName),
                null);
    }

    /** One transaction from reading the provider to issuing the session, like the STS action's. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response signIn(@PathParam("accountId") String accountId, @PathParam("providerName") String providerName,
                           @FormParam("username") String username, @FormParam("password") String password,
                           @Context HttpServletRequest request, @Context HttpHeaders headers) {
        try {
            if (!AccountId.isValid(accountId)) {
                throw IamException.validation("Account id " + accountId + " is not a 12-digit account id.");
            }
            if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
                throw IamException.validation("The sign-in needs a user name and a password.");
            }
            String providerArn = "arn:aws:iam::" + accountId + ":" + LdapProvider.RESOURCE_TYPE + "/" + providerName;
            return door.signIn(federation.prove(providerArn, username, password), request, headers);
        } catch (IamException e) {
            return door.refused(e, headers);
        }
    }
}
