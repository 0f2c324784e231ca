package io.gatehouse.web.json;

import io.gatehouse.core.error.ErrorCode;

import java.util.Optional;

/** A service spoken over the JSON protocol: its SigV4 signing name, its X-Amz-Target prefix, its operations. */
public interface JsonApi {

    String service();

    String targetPrefix();

    Optional<JsonOperation> operation(String name);

    /** The error's {@code __type} in this service: JSON services name some common errors their own way. */
    default String errorType(ErrorCode code) {
        return code.code();
    }
}
