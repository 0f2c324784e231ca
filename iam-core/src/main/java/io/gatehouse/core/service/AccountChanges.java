package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This node's count of committed changes per account. What authorization reads on every request
 * (a principal's policies, a role, a user) is kept for a few seconds ({@link RecentReads}); an
 * entry read before the account's latest change on this node is not used again, so a change made
 * here takes effect at once, and one made on another node within the staleness bound.
 */
public final class AccountChanges {

    private final Map<AccountId, Long> generations = new ConcurrentHashMap<>();
    private final AtomicLong any = new AtomicLong();

    /** The account's generation; entries read at an older one are out of date. */
    public long generation(AccountId account) {
        return generations.getOrDefault(account, 0L);
    }

    /** The count of changes to any account, for values whose account is known only once read. */
    public long anyGeneration() {
        return any.get();
    }

    /** Called once a change to the account has committed (or rolled back: a needless re-read is harmless). */
    public void changed(AccountId account) {
        generations.merge(account, 1L, Long::sum);
        any.incrementAndGet();
    }
}
