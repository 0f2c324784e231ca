package io.gatehouse.core.audit;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UUIDs for request and audit event ids. They identify and need not be unguessable, so they come
 * from {@link ThreadLocalRandom}: {@link UUID#randomUUID()} draws from one shared SecureRandom, a
 * lock every request would queue on.
 */
public final class RequestIds {

    private RequestIds() {
    }

    /** A version 4 (random) UUID, as AWS writes its RequestId. */
    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;                  // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }

    /**
     * A version 7 UUID (RFC 9562): 48 bits of Unix milliseconds, then random bits. Audit event ids
     * are stored under a unique index; ids that grow with time add to its end instead of splitting
     * pages all over it, which matters at thousands of issued credentials a second.
     */
    public static String timeOrdered(Instant at) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (at.toEpochMilli() << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
