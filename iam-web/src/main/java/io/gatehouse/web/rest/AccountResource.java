package io.gatehouse.web.rest;

import io.gatehouse.core.audit.AuditEvent;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.identity.AccountSecurityStatus;
import io.gatehouse.core.port.AuditLog;
import io.gatehouse.core.service.AccountService;
import io.gatehouse.core.service.Caller;
import io.gatehouse.core.sts.BearerTokens;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

/**
 * The account as the console shows it: the root user's security checklist (authorized as
 * {@code iam:GetAccountSummary}) and the audit trail of changes (as {@code cloudtrail:LookupEvents},
 * newest first, optionally of one action or one principal).
 */
@Path("/api/v1/account")
@RequestScoped
public class AccountResource {

    static final int MAX_EVENTS = 1000;

    @Inject
    JsonWebToken jwt;

    @Inject
    BearerCallers callers;

    @Inject
    ApiAuthorization authorization;

    @Inject
    AccountService accounts;

    @Inject
    AuditLog auditLog;

    @GET
    @Path("security-status")
    @RolesAllowed(BearerTokens.GROUP)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Response securityStatus(@Context HttpServletRequest request) {
        try {
            Caller caller = callers.of(jwt);
            authorization.authorize(caller, "iam:GetAccountSummary", ApiAuthorization.EVERYTHING, request);
            AccountSecurityStatus status = accounts.securityStatus(caller.account());
            return Response.ok(Json.createObjectBuilder()
                    .add("account", caller.account().value())
                    .add("rootAccessKeysPresent", status.rootAccessKeysPresent())
                    .add("rootMfaActive", status.rootMfaActive())
                    .add("iamUsersExist", status.iamUsersExist())
                    .add("groupsInUse", status.groupsInUse())
                    .add("passwordPolicySet", status.passwordPolicySet())
                    .build().toString()).build();
        } catch (IamException e) {
            return JsonErrors.of(e);
        }
    }

    @GET
    @Path("audit-events")
    @RolesAllowed(BearerTokens.GROUP)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Response auditEvents(@QueryParam("action") String action, @QueryParam("principalArn") String principalArn,
                                @QueryParam("limit") @DefaultValue("50") int limit,
                                @Context HttpServletRequest request) {
        try {
            Caller caller = callers.of(jwt);
            authorization.authorize(caller, "cloudtrail:LookupEvents", ApiAuthorization.EVERYTHING, request);
            if (limit < 1 || limit > MAX_EVENTS) {
                throw IamException.validation("limit must be between 1 and " + MAX_EVENTS + ": " + limit);
            }
            List<AuditEvent> events = auditLog.recent(caller.account(), MAX_EVENTS).stream()
                    .filter(e -> action == null || e.action().equals(action))
                    .filter(e -> principalArn == null || e.principalArn().equals(principalArn))
                    .limit(limit)
                    .toList();
            JsonArrayBuilder array = Json.createArrayBuilder();
            for (AuditEvent event : events) {
                JsonObjectBuilder parameters = Json.createObjectBuilder();
                event.parameters().forEach(parameters::add);
                array.add(Json.createObjectBuilder()
                        .add("eventId", event.eventId())
                        .add("eventTime", event.eventTime().toString())
                        .add("action", event.action())
                        .add("principalArn", event.principalArn())
                        .add("sourceIp", event.sourceIp())
                        .add("requestId", event.requestId())
                        .add("outcome", event.outcome())
                        .add("parameters", parameters));
            }
            return Response.ok(Json.createObjectBuilder().add("events", array).build().toString()).build();
        } catch (IamException e) {
            return JsonErrors.of(e);
        }
    }
}
