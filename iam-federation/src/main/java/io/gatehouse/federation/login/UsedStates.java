package io.gatehouse.federation.login;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The states of sign-ins this node has completed, until they would have expired anyway, so one
 * pending sign-in completes once. Across nodes the provider's single-use code does the same.
 * Bounded: when full of live entries a state is not recorded, and the provider's check remains.
 */
final class UsedStates {

    static final int CAPACITY = 100_000;

    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    /** True the first time {@code state} is used before {@code expiresAt}, false when it was used before. */
    boolean firstUse(String state, Instant expiresAt, Instant now) {
        if (expiries.size() >= CAPACITY) {
            expiries.values().removeIf(expiry -> !expiry.isAfter(now));
            if (expiries.size() >= CAPACITY) {
                return !expiries.containsKey(state);
            }
        }
        return expiries.putIfAbsent(state, expiresAt) == null;
    }
}
