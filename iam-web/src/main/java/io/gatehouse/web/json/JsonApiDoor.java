package io.gatehouse.web.json;

import io.gatehouse.core.audit.AuditEvent;
import io.gatehouse.core.audit.Redaction;
import io.gatehouse.core.error.ErrorCode;
import io.gatehouse.core.error.IamException;
import io.gatehouse.core.port.AuditLog;
import io.gatehouse.core.service.Caller;
import io.gatehouse.core.service.RequestFacts;
import io.gatehouse.core.sigv4.HttpRequestView;
import io.gatehouse.web.auth.Authentication;
import io.gatehouse.web.query.ErrorResponses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.gatehouse.core.audit.RequestIds;

/**
 * Runs one JSON-protocol request: find the API by the target's prefix, authenticate with SigV4
 * for that API's service, run the operation in one transaction and audit it when it changes state.
 */
@ApplicationScoped
public class JsonApiDoor {

    public static final String TARGET_HEADER = "X-Amz-Target";

    @Inject
    Authentication authentication;

    @Inject
    JsonApis apis;

    @Inject
    JsonOperationRunner runner;

    public Response handle(HttpRequestView request, String target, String sourceIp, boolean secure) {
        String requestId = RequestIds.next();
        JsonApi api = null;
        try {
            int dot = target.lastIndexOf('.');
            String prefix = dot < 0 ? "" : target.substring(0, dot);
            String name = target.substring(dot + 1);
            api = apis.byTargetPrefix(prefix).orElseThrow(() -> new IamException(ErrorCode.INVALID_ACTION,
                    "Unknown target " + target));
            JsonOperation operation = api.operation(name).orElseThrow(() -> new IamException(ErrorCode.INVALID_ACTION,
                    "Could not find operation " + name));
            Caller caller = authentication.authenticate(request, Set.of(api.service())).caller();
            JsonObject body = parse(request.body());
            JsonObject result = runner.run(api, operation, caller, body, sourceIp, secure, requestId);
            return Response.ok(result.toString(), "application/x-amz-json-1.1")
                    .header("x-amzn-RequestId", requestId).build();
        } catch (RuntimeException failure) {
            IamException error = ErrorResponses.asIamException(failure, requestId);
            String type = api == null ? error.code().code() : api.errorType(error.code());
            return Response.status(error.code().httpStatus())
                    .type("application/x-amz-json-1.1")
                    .header("x-amzn-RequestId", requestId)
                    .header("x-amzn-ErrorType", type)
                    .entity(Json.createObjectBuilder().add("__type", type).add("message", error.getMessage())
                            .build().toString())
                    .build();
        }
    }

    private static JsonObject parse(byte[] body) {
        if (body.length == 0) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw IamException.validation("The request body is not a JSON object.");
        }
    }

    /** The JSON APIs this server speaks, by target prefix. */
    public record JsonApis(List<JsonApi> all) {
        public java.util.Optional<JsonApi> byTargetPrefix(String prefix) {
            return all.stream().filter(api -> api.targetPrefix().equals(prefix)).findFirst();
        }
    }
}
