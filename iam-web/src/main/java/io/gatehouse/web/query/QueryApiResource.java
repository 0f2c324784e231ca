package io.gatehouse.web.query;

import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.service.CallerAuthenticator.Authenticated;
import io.gatehouse.core.service.RequestFacts;
import io.gatehouse.core.sigv4.HttpRequestView;
import io.gatehouse.web.auth.Authentication;
import io.gatehouse.web.auth.SignedRequests;
import io.gatehouse.web.json.JsonApiDoor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import io.gatehouse.core.audit.RequestIds;

/**
 * AWS's Query protocol at {@code /}: a form-encoded POST (what SDKs send) or a GET with the
 * parameters in the query string (presigned URLs). The body is read raw because SigV4 signs its bytes.
 */
@Path("/")
@ApplicationScoped
public class QueryApiResource {

    @Inject
    Authentication authentication;

    @Inject
    IamActions iam;

    @Inject
    StsActions sts;

    @Inject
    ActionRunner runner;

    @Inject
    JsonApiDoor json;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response post(byte[] body, @Context HttpHeaders headers, @Context UriInfo uri,
                         @Context HttpServletRequest servlet) {
        // JSON-protocol services (Organizations) answer at the same address, told apart by their target.
        String target = headers.getHeaderString(JsonApiDoor.TARGET_HEADER);
        if (target != null) {
            return json.handle(SignedRequests.view("POST", body, headers, uri), target, servlet.getRemoteAddr(),
                    servlet.isSecure());
        }
        return handle("POST", body, headers, uri, servlet);
    }

    @GET
    public Response get(@Context HttpHeaders headers, @Context UriInfo uri, @Context HttpServletRequest servlet) {
        return handle("GET", new byte[0], headers, uri, servlet);
    }

    private Response handle(String method, byte[] body, HttpHeaders headers, UriInfo uri, HttpServletRequest servlet) {
        String requestId = RequestIds.next();
        QueryApi api = iam;
        try {
            String rawQuery = uri.getRequestUri().getRawQuery();
            Map<String, String> values = QueryParameters.parseForm(rawQuery, new LinkedHashMap<>());
            if (isForm(headers)) {
                QueryParameters.parseForm(new String(body, StandardCharsets.UTF_8), values);
            }
            QueryParameters params = new QueryParameters(values);
            HttpRequestView request = SignedRequests.view(method, body, headers, uri);

            api = api(params);
            Optional<IamAction> unsigned = unsignedAction(params, api);
            if (unsigned.isPresent()) {
                String xml = runner.runUnsigned(unsigned.get(), api.namespace(), params,
                        new RequestInfo(requestId, servlet.getRemoteAddr(), servlet.isSecure(), RequestFacts.GLOBAL_REGION));
                return Response.ok(xml, "text/xml").header("x-amzn-RequestId", requestId).build();
            }
            Authenticated authenticated = authentication.authenticate(request, Set.of(api.service()));
            IamAction action = api.find(action(params, api));
            String xml = runner.run(api.service(), api.namespace(), action, authenticated.caller(), params,
                    new RequestInfo(requestId, servlet.getRemoteAddr(), servlet.isSecure(),
                            authenticated.claim().scope().region()));
            return Response.ok(xml, "text/xml").header("x-amzn-RequestId", requestId).build();
        } catch (RuntimeException failure) {
            return ErrorResponses.of(failure, api.namespace(), requestId);
        }
    }

    /** Both services answer at {@code /}: the API version a request names picks the service. */
    private QueryApi api(QueryParameters params) {
        return params.optional("Version").filter(StsActions.VERSION::equals).isPresent() ? sts : iam;
    }

    /** The action, when the request names one that takes no signature (checked before SigV4). */
    private static Optional<IamAction> unsignedAction(QueryParameters params, QueryApi api) {
        Optional<String> name = params.optional("Action")
                .filter(n -> params.optional("Version").filter(api.version()::equals).isPresent());
        try {
            return name.map(api::find).filter(action -> action.unsigned().isPresent());
        } catch (IamException unknown) {
            return Optional.empty();
        }
    }

    private static String action(QueryParameters params, QueryApi api) {
        String action = params.optional("Action").orElseThrow(() -> new IamException(ErrorCode.MISSING_ACTION,
                "The request must contain the parameter Action."));
        params.optional("Version").filter(version -> !version.equals(api.version())).ifPresent(version -> {
            throw new IamException(ErrorCode.INVALID_ACTION,
                    "Could not find operation " + action + " for version " + version);
        });
        return action;
    }

    private static boolean isForm(HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        return type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    }
}
