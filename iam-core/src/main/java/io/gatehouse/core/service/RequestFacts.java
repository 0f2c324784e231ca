package io.gatehouse.core.service;

import java.time.Instant;
import java.util.Objects;

/**
 * What the authorizer needs to know about the request itself, beyond who makes it: the global
 * condition keys {@code aws:SourceIp}, {@code aws:SecureTransport} and {@code aws:CurrentTime}.
 */
public record RequestFacts(String sourceIp, boolean secureTransport, Instant time) {

    public RequestFacts {
        Objects.requireNonNull(sourceIp, "sourceIp");
        Objects.requireNonNull(time, "time");
    }
}
