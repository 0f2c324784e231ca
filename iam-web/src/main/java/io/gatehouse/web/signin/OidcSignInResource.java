package io.gatehouse.web.signin;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.credential.SecretCipher;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.LoginProvider;
import io.gatehouse.core.service.LoginProviderService;
import io.gatehouse.federation.login.AuthorizationCodeLogin;
import io.gatehouse.federation.login.ConfiguredLoginProviders;
import io.gatehouse.federation.login.LoginStart;
import io.gatehouse.federation.login.SignedInIdentity;
import io.gatehouse.federation.sts.WebIdentitySignIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenID Connect and social sign-in (Google, Microsoft, LinkedIn, Keycloak, GitHub, any OIDC
 * issuer): the start sends the browser to the account's sign-in provider with the pending sign-in
 * sealed in a cookie; the callback redeems the code, proves the person to the IAM OIDC provider
 * the sign-in provider is linked to, and the gateway's role-mapping rules and the role's trust
 * policy decide, as for {@code AssumeRoleWithWebIdentity}.
 */
@Path("/signin/oidc")
@ApplicationScoped
public class OidcSignInResource {

    static final String CALLBACK = "signin/oidc/callback";

    @Inject
    SignInDoor door;

    @Inject
    LoginProviderService providers;

    @Inject
    ConfiguredLoginProviders configured;

    @Inject
    AuthorizationCodeLogin login;

    @Inject
    WebIdentitySignIn signIns;

    @Inject
    SecretCipher cipher;

    /** Where browsers reach Gatehouse, when a proxy in front makes the request's own URL the wrong one. */
    @Inject
    @ConfigProperty(name = "gatehouse.public-url")
    Optional<String> publicUrl;

    @GET
    @Path("{accountId}/{providerName}")
    @Transactional
    public Response start(@PathParam("accountId") String accountId, @PathParam("providerName") String providerName,
                          @Context UriInfo uri, @Context HttpServletRequest request, @Context HttpHeaders headers) {
        try {
            if (!AccountId.isValid(accountId)) {
                throw IamException.validation("Account id " + accountId + " is not a 12-digit account id.");
            }
            AccountId account = new AccountId(accountId);
            LoginProvider stored = providers.provider(account, providerName);
            LoginStart start = login.begin(configured.of(stored.name(), stored.settings(), providers.clientSecret(stored)),
                    callback(uri));
            NewCookie pending = cookie(OidcPendingCookie.seal(cipher, account, stored.name(), start.pending()),
                    (int) AuthorizationCodeLogin.DEFAULT_MAX_LOGIN_AGE.getSeconds(), request);
            return Response.seeOther(start.authorizationUrl()).status(Response.Status.FOUND)
                    .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").cookie(pending).build();
        } catch (IamException e) {
            return door.refused(e, headers);
        }
    }

    @GET
    @Path("callback")
    @Transactional
    public Response callback(@Context UriInfo uri, @Context HttpServletRequest request, @Context HttpHeaders headers) {
        Response response;
        try {
            Cookie cookie = headers.getCookies().get(OidcPendingCookie.NAME);
            if (cookie == null) {
                throw OidcPendingCookie.missing();
            }
            OidcPendingCookie.Opened opened = OidcPendingCookie.open(cipher, cookie.getValue());
            LoginProvider stored = providers.provider(opened.account(), opened.providerName());
            Map<String, String> query = new LinkedHashMap<>();
            uri.getQueryParameters().forEach((name, values) -> query.put(name, values.get(0)));
            SignedInIdentity identity = login.complete(
                    configured.of(stored.name(), stored.settings(), providers.clientSecret(stored)),
                    opened.pending(), query);
            response = door.signIn(signIns.prove(stored, identity), request, headers);
        } catch (IamException e) {
            response = door.refused(e, headers);
        }
        // A pending sign-in is good for one callback, whatever its outcome.
        return Response.fromResponse(response).cookie(cookie("", 0, request)).build();
    }

    private URI callback(UriInfo uri) {
        return publicUrl.filter(url -> !url.isBlank())
                .map(url -> URI.create(url.replaceAll("/+$", "") + "/" + CALLBACK))
                .orElseGet(() -> uri.getBaseUriBuilder().path(CALLBACK).build());
    }

    /** Lax, not strict: it must come back on the provider's top-level redirect to the callback. */
    private static NewCookie cookie(String value, int maxAge, HttpServletRequest request) {
        return new NewCookie.Builder(OidcPendingCookie.NAME).value(value).path("/signin/oidc").maxAge(maxAge)
                .httpOnly(true).secure(request.isSecure()).sameSite(NewCookie.SameSite.LAX).build();
    }
}
