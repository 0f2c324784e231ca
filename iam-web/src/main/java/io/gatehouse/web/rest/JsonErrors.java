package io.gatehouse.web.rest;

import io.gatehouse.core.error.IamException;
import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Failures of the JSON API: AWS's error code and message, with the HTTP status AWS pairs with the code. */
final class JsonErrors {

    private JsonErrors() {
    }

    static Response of(IamException error) {
        return Response.status(error.code().httpStatus())
                .type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder()
                        .add("code", error.code().code())
                        .add("message", error.getMessage())
                        .build().toString())
                .build();
    }
}
