package io.gatehouse.web.query;

import io.gatehouse.core.audit.RequestIds;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.service.CallerAuthenticator.Authenticated;
import io.gatehouse.core.service.RequestFacts;
import io.gatehouse.core.sigv4.HttpRequestView;
import io.gatehouse.web.auth.Authentication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * AWS's Query protocol (IAM and STS at {@code /}): a form-encoded POST (what SDKs send) or a GET
 * with the parameters in the query string (presigned URLs), answered as AWS's XML. Free of any
 * HTTP framework, so the servlet filter in front of JAX-RS serves it with the least work per request.
 */
@ApplicationScoped
public class QueryApiDoor {

    /** What the door answers: an HTTP status and AWS's XML, under the request id it was given. */
    public record Answer(int status, String xml, String requestId) {
    }

    @Inject
    Authentication authentication;

    @Inject
    IamActions iam;

    @Inject
    StsActions sts;

    @Inject
    ActionRunner runner;

    /** @param form whether the body is form-encoded (its parameters join the query's) */
    public Answer answer(HttpRequestView request, boolean form, String sourceIp, boolean secure) {
        String requestId = RequestIds.next();
        QueryApi api = iam;
        try {
            Map<String, String> values = QueryParameters.parseForm(request.rawQuery(), new LinkedHashMap<>());
            if (form) {
                QueryParameters.parseForm(new String(request.body(), StandardCharsets.UTF_8), values);
            }
            QueryParameters params = new QueryParameters(values);
            api = api(params);
            Optional<UnsignedAction> unsigned = api == sts
                    ? params.optional("Action").flatMap(sts::unsigned) : Optional.empty();
            if (unsigned.isPresent()) {
                // Unsigned by AWS's design: a signature sent anyway is not checked.
                return new Answer(200, runner.runUnsigned(api.namespace(), unsigned.get(), params,
                        new RequestInfo(requestId, sourceIp, secure, RequestFacts.GLOBAL_REGION)), requestId);
            }
            Authenticated authenticated = authentication.authenticate(request, Set.of(api.service()));
            IamAction action = api.find(action(params, api));
            return new Answer(200, runner.run(api.service(), api.namespace(), action, authenticated.caller(), params,
                    new RequestInfo(requestId, sourceIp, secure, authenticated.claim().scope().region())), requestId);
        } catch (RuntimeException failure) {
            IamException error = ErrorResponses.asIamException(failure, requestId);
            return new Answer(error.code().httpStatus(), ErrorResponses.xml(error, api.namespace(), requestId), requestId);
        }
    }

    /** Both services answer at {@code /}: the API version a request names picks the service. */
    private QueryApi api(QueryParameters params) {
        return params.optional("Version").filter(StsActions.VERSION::equals).isPresent() ? sts : iam;
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
}
