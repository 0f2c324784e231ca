package io.gatehouse.core.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which uses of keys and roles this node wrote recently. Last-use information (an access key's,
 * a role's) is coarse, so a use like the last one written within the interval is not written
 * again: otherwise every signed request or role assumption would be a database write.
 */
final class RecentUses {

    static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final int LIMIT = 100_000;

    private final Map<String, Use> written = new ConcurrentHashMap<>();

    private record Use(Instant at, String where) {
    }

    /** Whether this use should be written, remembering it when so. {@code where}: service and region. */
    boolean shouldWrite(String id, String where, Instant now) {
        Use previous = written.get(id);
        if (previous != null && previous.where().equals(where) && previous.at().plus(INTERVAL).isAfter(now)) {
            return false;
        }
        if (written.size() >= LIMIT) {
            written.clear();
        }
        written.put(id, new Use(now, where));
        return true;
    }
}
