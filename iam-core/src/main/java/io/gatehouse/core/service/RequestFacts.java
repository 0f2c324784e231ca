package io.gatehouse.core.service;

import java.time.Instant;
import java.util.Objects;

/**
 * What the authorizer needs to know about the request itself, beyond who makes it: the global
 * condition keys {@code aws:SourceIp}, {@code aws:SecureTransport} and {@code aws:CurrentTime}.
 */
public record RequestFacts(String sourceIp, boolean secureTransport, Instant time, String region) {

    /** IAM and STS are global services whose requests AWS signs for us-east-1. */
    public static final String GLOBAL_REGION = "us-east-1";

    public RequestFacts {
        Objects.requireNonNull(sourceIp, "sourceIp");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(region, "region");
    }

    /** A request whose region is not known (not signed with SigV4): the global services' region. */
    public RequestFacts(String sourceIp, boolean secureTransport, Instant time) {
        this(sourceIp, secureTransport, time, GLOBAL_REGION);
    }
}
