package io.gatehouse.core.audit;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Version 4 UUIDs for request and audit event ids, as AWS writes its RequestId. They identify and
 * need not be unguessable, so they come from {@link ThreadLocalRandom}: {@link UUID#randomUUID()}
 * draws from one shared SecureRandom, a lock every request would queue on.
 */
public final class RequestIds {

    private RequestIds() {
    }

    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;                  // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }
}
