package io.gatehouse.bench;

/** One request in engine-neutral form. */
record Probe(String action, String resource, String team, String sourceIp, boolean mfa, long nowEpochSeconds) {
}
