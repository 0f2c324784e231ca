package io.gatehouse.web.rest;

import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.service.Caller;
import io.gatehouse.core.sts.BearerTokens;
import io.gatehouse.federation.mapping.ConditionCheck;
import io.gatehouse.federation.mapping.InvalidRoleMappingException;
import io.gatehouse.federation.mapping.MappingExplanation;
import io.gatehouse.federation.mapping.ProviderRoleMappings;
import io.gatehouse.federation.mapping.RuleExplanation;
import io.gatehouse.federation.mapping.SessionTagOutcome;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
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
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The role-mapping rules of a SAML, OIDC or LDAP provider, named by its ARN with its slashes as they
 * are (Liberty refuses an encoded {@code /} in a path):
 * put, get and delete the rule document, and the dry run of the saved rules against an identity.
 * Authorized as {@code iam:PutRoleMappings}, {@code iam:GetRoleMappings},
 * {@code iam:DeleteRoleMappings} and {@code iam:SimulateRoleMappings} on the provider's ARN.
 */
@Path("/api/v1/providers")
@RequestScoped
@RolesAllowed(BearerTokens.GROUP)
@Produces(MediaType.APPLICATION_JSON)
public class RoleMappingsResource {

    @Inject
    JsonWebToken jwt;

    @Inject
    BearerCallers callers;

    @Inject
    ApiAuthorization authorization;

    @Inject
    RestChanges changes;

    @Inject
    ProviderRoleMappings mappings;

    @PUT
    @Path("{providerArn: .+}/role-mappings")
    @Transactional
    public Response put(@PathParam("providerArn") String providerArn, byte[] body,
                        @Context HttpServletRequest request) {
        try {
            Caller caller = authorized("iam:PutRoleMappings", providerArn, request);
            changes.changing(caller);
            mappings.put(caller.account(), providerArn, new String(body, StandardCharsets.UTF_8));
            changes.audit(caller, "PutRoleMappings", Map.of("ProviderArn", providerArn), request);
            return Response.noContent().build();
        } catch (InvalidRoleMappingException e) {
            return invalid(e);
        } catch (IamException e) {
            return JsonErrors.of(e);
        }
    }

    @GET
    @Path("{providerArn: .+}/role-mappings")
    @Transactional
    public Response get(@PathParam("providerArn") String providerArn, @Context HttpServletRequest request) {
        try {
            Caller caller = authorized("iam:GetRoleMappings", providerArn, request);
            return Response.ok(mappings.document(caller.account(), providerArn)).build();
        } catch (IamException e) {
            return JsonErrors.of(e);
        }
    }

    @DELETE
    @Path("{providerArn: .+}/role-mappings")
    @Transactional
    public Response delete(@PathParam("providerArn") String providerArn, @Context HttpServletRequest request) {
        try {
            Caller caller = authorized("iam:DeleteRoleMappings", providerArn, request);
            changes.changing(caller);
            mappings.delete(caller.account(), providerArn);
            changes.audit(caller, "DeleteRoleMappings", Map.of("ProviderArn", providerArn), request);
            return Response.noContent().build();
        } catch (IamException e) {
            return JsonErrors.of(e);
        }
    }

    /** Body {@code {"subject": "...", "claims": {"k": ["v"]}, "groups": [...]}}; answers every rule's verdict and evidence. */
    @POST
    @Path("{providerArn: .+}/role-mappings/dry-run")
    @Transactional
    public Response dryRun(@PathParam("providerArn") String providerArn, byte[] body,
                           @Context HttpServletRequest request) {
        try {
            Caller caller = authorized("iam:SimulateRoleMappings", providerArn, request);
            JsonObject json = JsonBodies.object(body);
            Map<String, List<String>> claims = new LinkedHashMap<>();
            JsonValue claimsValue = json.get("claims");
            if (claimsValue instanceof JsonObject object) {
                object.forEach((name, values) -> claims.put(name, JsonBodies.strings(values, "claims." + name)));
            } else if (claimsValue != null && claimsValue != JsonValue.NULL) {
                throw IamException.validation("claims must be an object of string arrays");
            }
            MappingExplanation explanation = mappings.dryRun(caller.account(), providerArn,
                    JsonBodies.required(json, "subject"), claims, JsonBodies.strings(json.get("groups"), "groups"));
            return Response.ok(view(explanation).toString()).build();
        } catch (IamException e) {
            return JsonErrors.of(e);
        }
    }

    private Caller authorized(String action, String providerArn, HttpServletRequest request) {
        Caller caller = callers.of(jwt);
        Arn arn;
        try {
            arn = Arn.parse(providerArn);
        } catch (IamException e) {
            throw new IamException(ErrorCode.INVALID_INPUT, "ARN " + providerArn + " is not valid.");
        }
        authorization.authorize(caller, action, arn, request);
        return caller;
    }

    /** The ValidationError with where it is: the document path and, when known, line and column. */
    private static Response invalid(InvalidRoleMappingException e) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("code", e.code().code())
                .add("message", e.getMessage())
                .add("path", e.path());
        e.position().ifPresent(p -> body.add("line", p.line()).add("column", p.column()));
        return Response.status(e.code().httpStatus()).type(MediaType.APPLICATION_JSON)
                .entity(body.build().toString()).build();
    }

    private static JsonObject view(MappingExplanation explanation) {
        JsonArrayBuilder rules = Json.createArrayBuilder();
        for (RuleExplanation rule : explanation.rules()) {
            JsonArrayBuilder conditions = Json.createArrayBuilder();
            for (ConditionCheck check : rule.conditions()) {
                conditions.add(Json.createObjectBuilder()
                        .add("condition", check.condition().describe())
                        .add("holds", check.holds())
                        .add("valuesSeen", Json.createArrayBuilder(check.valuesSeen())));
            }
            JsonArrayBuilder tags = Json.createArrayBuilder();
            for (SessionTagOutcome outcome : rule.sessionTags()) {
                JsonObjectBuilder tag = Json.createObjectBuilder().add("key", outcome.source().tagKey());
                if (outcome instanceof SessionTagOutcome.Resolved r) {
                    tag.add("outcome", "RESOLVED").add("value", r.tag().value());
                } else if (outcome instanceof SessionTagOutcome.Omitted o) {
                    tag.add("outcome", "OMITTED").add("reason", o.reason());
                } else if (outcome instanceof SessionTagOutcome.Refused f) {
                    tag.add("outcome", "REFUSED").add("reason", f.reason());
                }
                tags.add(tag);
            }
            JsonObjectBuilder view = Json.createObjectBuilder()
                    .add("index", rule.index())
                    .add("name", rule.rule().name())
                    .add("role", rule.rule().roleArn().toString())
                    .add("verdict", rule.verdict().name())
                    .add("conditions", conditions)
                    .add("sessionTags", tags)
                    .add("description", rule.describe());
            rule.shadowedBy().ifPresent(winner -> view.add("shadowedBy", winner));
            rules.add(view);
        }
        JsonArrayBuilder candidates = Json.createArrayBuilder();
        explanation.candidates().forEach(c -> {
            JsonObjectBuilder tags = Json.createObjectBuilder();
            c.sessionTags().forEach(t -> tags.add(t.key(), t.value()));
            candidates.add(Json.createObjectBuilder().add("rule", c.ruleName()).add("role", c.roleArn().toString())
                    .add("sessionTags", tags));
        });
        return Json.createObjectBuilder()
                .add("mode", explanation.mode().name())
                .add("rules", rules)
                .add("candidates", candidates)
                .add("summary", explanation.describe())
                .build();
    }
}
