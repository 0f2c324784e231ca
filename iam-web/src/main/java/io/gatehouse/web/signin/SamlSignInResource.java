package io.gatehouse.web.signin;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.SamlProvider;
import io.gatehouse.federation.saml.sp.AuthnRequest;
import io.gatehouse.federation.saml.sp.SamlDocuments;
import io.gatehouse.federation.saml.sp.ServiceProvider;
import io.gatehouse.federation.saml.sp.ServiceProviderMetadata;
import io.gatehouse.federation.sts.SamlBrowserSignIn;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Optional;

/**
 * Gatehouse as a SAML 2.0 service provider for the browser sign-in: its metadata, the SP-initiated
 * start (an AuthnRequest by HTTP-Redirect), and the assertion consumer service (HTTP-POST) whose
 * proven sign-in goes to {@link SignInDoor}, as AWS's {@code https://signin.aws.amazon.com/saml}
 * turns a response into a console session or its role chooser.
 */
@Path(ServiceProvider.PATH)
@ApplicationScoped
public class SamlSignInResource {

    @Inject
    SignInDoor door;

    @Inject
    SamlBrowserSignIn signIn;

    /** The base URL identity providers and browsers reach Gatehouse at; taken from each request when unset. */
    @Inject
    @ConfigProperty(name = "gatehouse.public-url")
    Optional<String> publicUrl;

    @Inject
    @ConfigProperty(name = "gatehouse.saml.sp-entity-id")
    Optional<String> entityId;

    @GET
    @Path("metadata")
    public Response metadata(@Context HttpServletRequest request) {
        ServiceProvider sp = serviceProvider(request);
        return metadata(sp, sp.assertionConsumerService());
    }

    /** The same service provider, with one SAML provider's own assertion consumer service as its default. */
    @GET
    @Path("metadata/{accountId}/{providerName}")
    public Response providerMetadata(@PathParam("accountId") String accountId,
                                     @PathParam("providerName") String providerName,
                                     @Context HttpServletRequest request, @Context HttpHeaders headers) {
        try {
            ServiceProvider sp = serviceProvider(request);
            return metadata(sp, sp.assertionConsumerService(account(accountId), providerName));
        } catch (IamException e) {
            return door.refused(e, headers);
        }
    }

    @GET
    @Path("{accountId}/{providerName}")
    @Transactional
    public Response start(@PathParam("accountId") String accountId, @PathParam("providerName") String providerName,
                          @QueryParam("RelayState") String relayState, @Context HttpServletRequest request,
                          @Context HttpHeaders headers) {
        try {
            Optional<String> state = Optional.ofNullable(relayState).filter(s -> !s.isEmpty());
            try {
                state.ifPresent(AuthnRequest::checkRelayState);
            } catch (IllegalArgumentException e) {
                throw IamException.validation(e.getMessage() + ".");
            }
            AuthnRequest authnRequest = signIn.authnRequest(providerArn(accountId, providerName),
                    serviceProvider(request));
            return Response.status(Response.Status.FOUND).location(URI.create(authnRequest.redirectUrl(state)))
                    .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").build();
        } catch (IamException e) {
            return door.refused(e, headers);
        }
    }

    /** A response whose Role attribute names its SAML provider, as identity providers set up for AWS send. */
    @POST
    @Path("acs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response consume(@FormParam("SAMLResponse") String samlResponse, @Context HttpServletRequest request,
                            @Context HttpHeaders headers) {
        ServiceProvider sp = serviceProvider(request);
        return consume(samlResponse, Optional.empty(), sp, sp.assertionConsumerService(), request, headers);
    }

    /** A response for one SAML provider of an account, which the URL names; its Role attribute is optional. */
    @POST
    @Path("acs/{accountId}/{providerName}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response consume(@PathParam("accountId") String accountId, @PathParam("providerName") String providerName,
                            @FormParam("SAMLResponse") String samlResponse, @Context HttpServletRequest request,
                            @Context HttpHeaders headers) {
        try {
            ServiceProvider sp = serviceProvider(request);
            return consume(samlResponse, Optional.of(providerArn(accountId, providerName)), sp,
                    sp.assertionConsumerService(account(accountId), providerName), request, headers);
        } catch (IamException e) {
            return door.refused(e, headers);
        }
    }

    // The assertion is marked used in this transaction, which the door's sign-in joins.
    private Response consume(String samlResponse, Optional<String> providerArn, ServiceProvider sp,
                             String consumerService, HttpServletRequest request, HttpHeaders headers) {
        try {
            if (samlResponse == null || samlResponse.isBlank()) {
                throw IamException.validation("The sign-in needs a SAMLResponse.");
            }
            return door.signIn(signIn.prove(samlResponse, providerArn, sp, consumerService), request, headers);
        } catch (IamException e) {
            return door.refused(e, headers);
        }
    }

    private static Response metadata(ServiceProvider sp, String consumerService) {
        return Response.ok(SamlDocuments.serialize(ServiceProviderMetadata.document(sp, consumerService), true),
                ServiceProviderMetadata.MEDIA_TYPE).build();
    }

    private ServiceProvider serviceProvider(HttpServletRequest request) {
        String base = publicUrl.filter(url -> !url.isBlank()).orElseGet(() -> requestBase(request));
        try {
            return ServiceProvider.at(base, entityId);
        } catch (IllegalArgumentException e) {
            throw IamException.validation(e.getMessage());
        }
    }

    /** Without gatehouse.public-url, the URL the request came to (Liberty reads it from the Host header). */
    private static String requestBase(HttpServletRequest request) {
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = port < 0 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath();
    }

    private static AccountId account(String accountId) {
        if (!AccountId.isValid(accountId)) {
            throw IamException.validation("Account id " + accountId + " is not a 12-digit account id.");
        }
        return new AccountId(accountId);
    }

    private static String providerArn(String accountId, String providerName) {
        return SamlProvider.arn(account(accountId), providerName).toString();
    }
}
