package io.gatehouse.web.rest;

import io.gatehouse.core.error.IamException;
import io.gatehouse.core.error.AuthorizationRefusal;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Failures of the JSON API: AWS's error code and message, with the HTTP status AWS pairs with the code. */
final class JsonErrors {

    private JsonErrors() {
    }

    static Response of(IamException error) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("code", error.code().code())
                .add("message", error.getMessage());
        if (error instanceof AuthorizationRefusal refusal) {
            body.add("encodedAuthorizationMessage", refusal.encodedMessage());
        }
        return Response.status(error.code().httpStatus())
                .type(MediaType.APPLICATION_JSON)
                .entity(body.build().toString())
                .build();
    }
}
