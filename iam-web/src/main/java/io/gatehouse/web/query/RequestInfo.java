package io.gatehouse.web.query;

/** Facts about the HTTP request that the audit trail and condition keys need. */
public record RequestInfo(String requestId, String sourceIp, boolean secureTransport, String region) {
}
