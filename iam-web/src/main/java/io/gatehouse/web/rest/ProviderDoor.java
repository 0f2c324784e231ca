package io.gatehouse.web.rest;

import io.gatehouse.core.arn.AccountId;
import io.gatehouse.core.arn.Arn;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.service.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The JSON API's create, list, read, update and delete of a named provider of the caller's account
 * that holds one write-only secret (an LDAP bind password, an OAuth client secret): each authorized
 * as {@code iam:<Verb><Noun>} on the provider's ARN, each change audited, the secret taken and
 * never answered. The resources only say what their provider is.
 */
@RequestScoped
public class ProviderDoor {

    /**
     * What the door needs to know of one kind of provider.
     *
     * @param noun           the IAM action noun: {@code LDAPProvider} makes {@code iam:CreateLDAPProvider}, ...
     * @param listMember     the member of the list answer
     * @param secretMember   the request member that carries the secret
     * @param secretRequired whether a provider cannot be created without its secret
     */
    public record Kind<P, S>(String noun, String listMember, String secretMember, boolean secretRequired,
                             BiFunction<AccountId, String, Arn> arn, Function<JsonObject, S> settings,
                             Function<P, JsonObject> view, Store<P, S> store) {
    }

    /** The service calls; an update replaces the settings and keeps the secret unless one is given. */
    public interface Store<P, S> {
        P create(AccountId account, String name, S settings, Optional<String> secret);

        List<P> list(AccountId account);

        P get(AccountId account, String name);

        P update(AccountId account, String name, S settings, Optional<String> secret);

        void delete(AccountId account, String name);
    }

    @Inject
    JsonWebToken jwt;

    @Inject
    BearerCallers callers;

    @Inject
    ApiAuthorization authorization;

    @Inject
    RestChanges changes;

    public <P, S> Response create(Kind<P, S> kind, byte[] body, HttpServletRequest request) {
        return answer(() -> {
            Caller caller = callers.of(jwt);
            JsonObject json = JsonBodies.object(body);
            String name = JsonBodies.required(json, "name");
            authorization.authorize(caller, "iam:Create" + kind.noun(), kind.arn().apply(caller.account(), name), request);
            changes.changing(caller);
            Optional<String> secret = kind.secretRequired()
                    ? Optional.of(JsonBodies.required(json, kind.secretMember()))
                    : JsonBodies.optional(json, kind.secretMember());
            P created = kind.store().create(caller.account(), name, kind.settings().apply(json), secret);
            changes.audit(caller, "Create" + kind.noun(), Map.of("Name", name), request);
            return Response.status(Response.Status.CREATED).entity(kind.view().apply(created).toString()).build();
        });
    }

    public <P, S> Response list(Kind<P, S> kind, HttpServletRequest request) {
        return answer(() -> {
            Caller caller = callers.of(jwt);
            authorization.authorize(caller, "iam:List" + kind.noun() + "s", ApiAuthorization.EVERYTHING, request);
            JsonArrayBuilder array = Json.createArrayBuilder();
            kind.store().list(caller.account()).forEach(provider -> array.add(kind.view().apply(provider)));
            return Response.ok(Json.createObjectBuilder().add(kind.listMember(), array).build().toString()).build();
        });
    }

    public <P, S> Response get(Kind<P, S> kind, String name, HttpServletRequest request) {
        return named(kind, "Get", name, request, (caller, ignored) ->
                Response.ok(kind.view().apply(kind.store().get(caller.account(), name)).toString()).build(), null);
    }

    public <P, S> Response update(Kind<P, S> kind, String name, byte[] body, HttpServletRequest request) {
        return named(kind, "Update", name, request, (caller, json) -> Response.ok(kind.view().apply(kind.store().update(
                caller.account(), name, kind.settings().apply(json), JsonBodies.optional(json, kind.secretMember())))
                .toString()).build(), body);
    }

    public <P, S> Response delete(Kind<P, S> kind, String name, HttpServletRequest request) {
        return named(kind, "Delete", name, request, (caller, ignored) -> {
            kind.store().delete(caller.account(), name);
            return Response.noContent().build();
        }, null);
    }

    /** A call on one provider: authorized on its ARN; a change is marked and audited. */
    private <P, S> Response named(Kind<P, S> kind, String verb, String name, HttpServletRequest request,
                                  BiFunction<Caller, JsonObject, Response> work, byte[] body) {
        return answer(() -> {
            Caller caller = callers.of(jwt);
            authorization.authorize(caller, "iam:" + verb + kind.noun(), kind.arn().apply(caller.account(), name), request);
            JsonObject json = body == null ? null : JsonBodies.object(body);
            boolean changing = !verb.equals("Get");
            if (changing) {
                changes.changing(caller);
            }
            Response response = work.apply(caller, json);
            if (changing) {
                changes.audit(caller, verb + kind.noun(), Map.of("Name", name), request);
            }
            return response;
        });
    }

    private static Response answer(Supplier<Response> call) {
        try {
            return call.get();
        } catch (IamException e) {
            return JsonErrors.of(e);
        }
    }
}
