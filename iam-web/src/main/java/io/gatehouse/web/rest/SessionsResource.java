package io.gatehouse.web.rest;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.service.Caller;
import io.gatehouse.core.service.ConsoleSignIn;
import io.gatehouse.core.service.RootSignIn;
import io.gatehouse.core.sts.BearerTokens;
import io.gatehouse.web.auth.Authentication;
import io.gatehouse.web.auth.SignedRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Signs in to the JSON API, answering a bearer token: with an IAM user's console password (and MFA
 * code when the user has a device), with the root user's e-mail and password (AWS's root sign-in), or with any SigV4-signed request (SigV4 service {@code sts}),
 * which is how an assumed-role session or a federated identity's role gets its console token. A
 * session's token lives no longer than the session.
 */
@Path("/api/v1/sessions")
@ApplicationScoped
public class SessionsResource {

    @Inject
    Authentication authentication;

    @Inject
    ConsoleSignIn signIn;

    @Inject
    RootSignIn rootSignIn;

    @Inject
    BearerTokens tokens;

    @Inject
    Clock clock;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Response create(byte[] body, @Context HttpHeaders headers, @Context UriInfo uri) {
        try {
            Caller caller;
            Optional<String> sealedSession;
            if (SignedRequests.isSigned(headers, uri)) {
                caller = authentication.authenticate(SignedRequests.view("POST", body, headers, uri), Set.of("sts"))
                        .caller();
                sealedSession = Optional.ofNullable(headers.getHeaderString("X-Amz-Security-Token"))
                        .or(() -> Optional.ofNullable(uri.getQueryParameters().getFirst("X-Amz-Security-Token")));
            } else {
                JsonObject request = parse(body);
                // The root user signs in by e-mail (AWS); it has no MFA device here, so mfaCode is for IAM users.
                caller = request.containsKey("email")
                        ? rootSignIn.signIn(required(request, "email"), required(request, "password"))
                        : signIn.signIn(new AccountId(required(request, "accountId")), required(request, "userName"),
                                required(request, "password"), Optional.ofNullable(request.getString("mfaCode", null)));
                sealedSession = Optional.empty();
            }
            Duration lifetime = caller.session()
                    .map(s -> Duration.between(clock.instant(), s.expiration()))
                    .filter(left -> left.compareTo(BearerTokens.DEFAULT_LIFETIME) < 0)
                    .orElse(BearerTokens.DEFAULT_LIFETIME);
            BearerTokens.IssuedBearerToken issued = tokens.issue(caller.arn().toString(), caller.account().value(),
                    caller.principalId(), sealedSession, lifetime);
            return Response.ok(Json.createObjectBuilder()
                    .add("token", issued.token())
                    .add("tokenType", "Bearer")
                    .add("expiresAt", issued.expiresAt().toString())
                    .add("principalArn", caller.arn().toString())
                    .build().toString()).build();
        } catch (IamException e) {
            return JsonErrors.of(e);
        }
    }

    private static JsonObject parse(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw IamException.validation("The request body must be a JSON object with accountId, userName and password, or email and password.");
        }
    }

    private static String required(JsonObject request, String name) {
        if (!request.containsKey(name) || request.isNull(name)) {
            throw IamException.validation("The request body needs " + name + ".");
        }
        try {
            return request.getString(name);
        } catch (ClassCastException e) {
            throw IamException.validation(name + " must be a string.");
        }
    }
}
