package io.gatehouse.web.signin;

import io.gatehouse.core.audit.AuditEvent;
import io.gatehouse.core.audit.RequestIds;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.service.RequestFacts;
import io.gatehouse.core.sts.BearerTokens;
import io.gatehouse.core.sts.IssuedSession;
import io.gatehouse.core.sts.SessionPrincipal;
import io.gatehouse.federation.gateway.ProvenSignIn;
import io.gatehouse.federation.gateway.SignInGateway;
import io.gatehouse.federation.gateway.SignInOutcome;
import io.gatehouse.web.audit.IssuanceAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where every browser sign-in ends: the gateway turns the proven identity into a role session (or
 * a role choice), the session becomes a console session — a bearer token of the JSON API bound to
 * the role session, set as an HTTP-only same-site cookie and, for a client that asks for JSON,
 * answered in the body — and the issue is audited like the STS action it stands for.
 */
@ApplicationScoped
public class SignInDoor {

    /** The console session's cookie; the JSON API also takes its value as a bearer token. */
    public static final String CONSOLE_COOKIE = "gatehouse_console";
    /** Binds a role choice to the browser that was shown it. */
    public static final String BINDING_COOKIE = "gatehouse_signin";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SignInGateway gateway;

    @Inject
    BearerTokens tokens;

    @Inject
    IssuanceAudit audit;

    @Inject
    Clock clock;

    /** Runs {@code proven} through the gateway: a console session for its one role, or the role chooser. */
    @Transactional
    public Response signIn(ProvenSignIn proven, HttpServletRequest request, HttpHeaders headers) {
        try {
            String binding = newBinding();
            SignInOutcome outcome = gateway.signIn(proven, binding, facts(request));
            if (outcome instanceof SignInOutcome.SignedIn signedIn) {
                return consoleSession(signedIn, request, headers);
            }
            SignInOutcome.RoleChoice choice = (SignInOutcome.RoleChoice) outcome;
            NewCookie cookie = cookie(BINDING_COOKIE, binding, "/signin", SignInGateway.CHOICE_LIFETIME, request);
            if (wantsJson(headers)) {
                JsonArrayBuilder roles = Json.createArrayBuilder();
                choice.roles().forEach(role -> roles.add(Json.createObjectBuilder()
                        .add("roleArn", role.roleArn().toString()).add("rule", role.ruleName())));
                return json(Json.createObjectBuilder().add("choiceToken", choice.choiceToken())
                        .add("expiresAt", choice.expiresAt().toString()).add("roles", roles).build().toString(), cookie);
            }
            return html(200, SignInPages.roleChooser(choice.roles().stream()
                    .map(role -> new SignInPages.Choice(role.roleArn().toString(), role.roleArn().resource()
                            .substring("role/".length()) + " (" + role.roleArn().account() + ")"))
                    .toList(), choice.choiceToken()), cookie);
        } catch (IamException e) {
            return refused(e, headers);
        }
    }

    /** Completes a role choice posted from the chooser of this browser. */
    @Transactional
    public Response choose(String choiceToken, String roleArn, HttpServletRequest request, HttpHeaders headers) {
        try {
            if (choiceToken == null || roleArn == null) {
                throw IamException.validation("The role choice needs choiceToken and roleArn.");
            }
            Cookie binding = headers.getCookies().get(BINDING_COOKIE);
            SignInOutcome.SignedIn signedIn = gateway.choose(choiceToken, roleArn,
                    binding == null ? null : binding.getValue(), facts(request));
            return consoleSession(signedIn, request, headers);
        } catch (IamException e) {
            return refused(e, headers);
        }
    }

    /** A refused sign-in: AWS's error code and message, as a page or as the JSON API's error. */
    public Response refused(IamException error, HttpHeaders headers) {
        if (wantsJson(headers)) {
            return Response.status(error.code().httpStatus()).type(MediaType.APPLICATION_JSON)
                    .header("Cache-Control", "no-store")
                    .entity(Json.createObjectBuilder().add("code", error.code().code())
                            .add("message", error.getMessage()).build().toString()).build();
        }
        return html(error.code().httpStatus(), SignInPages.refused(error.code().code(), error.getMessage()), null);
    }

    /** A page of the sign-in, with the headers every one of them carries. */
    public Response html(int status, String page, NewCookie cookie) {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(page)
                .header("Cache-Control", "no-store")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                        + "frame-ancestors 'none'")
                .header("Referrer-Policy", "no-referrer");
        return cookie == null ? response.build() : response.cookie(cookie).build();
    }

    public RequestFacts facts(HttpServletRequest request) {
        return new RequestFacts(request.getRemoteAddr(), request.isSecure(), clock.instant());
    }

    /** A browser asks for pages; a client that accepts JSON and not HTML gets JSON. */
    public static boolean wantsJson(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream().anyMatch(MediaType.APPLICATION_JSON_TYPE::isCompatible)
                && headers.getAcceptableMediaTypes().stream().noneMatch(type -> type.getSubtype().equals("html"));
    }

    private Response consoleSession(SignInOutcome.SignedIn signedIn, HttpServletRequest request, HttpHeaders headers) {
        IssuedSession issued = signedIn.session();
        SessionPrincipal principal = issued.session().principal();
        Duration lifetime = Duration.between(clock.instant(), issued.session().expiration());
        if (lifetime.compareTo(BearerTokens.DEFAULT_LIFETIME) > 0) {
            lifetime = BearerTokens.DEFAULT_LIFETIME;
        }
        BearerTokens.IssuedBearerToken token = tokens.issue(principal.arn().toString(), principal.account().value(),
                principal.principalId(), Optional.of(issued.sessionToken()), lifetime);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("SignIn", "browser");
        parameters.put("RoleArn", signedIn.role().roleArn().toString());
        parameters.put("MappedBy", signedIn.role().ruleName());
        audit.record(AuditEvent.success(principal.account(), clock.instant(), principal.arn().toString(),
                "ConsoleSignIn", request.getRemoteAddr(), RequestIds.next(), parameters));
        NewCookie cookie = cookie(CONSOLE_COOKIE, token.token(), "/", lifetime, request);
        if (wantsJson(headers)) {
            return json(Json.createObjectBuilder()
                    .add("token", token.token())
                    .add("tokenType", "Bearer")
                    .add("expiresAt", token.expiresAt().toString())
                    .add("principalArn", principal.arn().toString())
                    .add("roleArn", signedIn.role().roleArn().toString())
                    .add("mappedBy", signedIn.role().ruleName())
                    .build().toString(), cookie);
        }
        return html(200, SignInPages.signedIn(principal.arn().toString(), token.expiresAt().toString()), cookie);
    }

    private static Response json(String body, NewCookie cookie) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").cookie(cookie)
                .build();
    }

    /** HTTP-only and same-site strict: no script reads it and no other site's page sends it. */
    private static NewCookie cookie(String name, String value, String path, Duration lifetime,
                                    HttpServletRequest request) {
        return new NewCookie.Builder(name).value(value).path(path).maxAge((int) Math.max(1, lifetime.getSeconds()))
                .httpOnly(true).secure(request.isSecure()).sameSite(NewCookie.SameSite.STRICT).build();
    }

    private static String newBinding() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
