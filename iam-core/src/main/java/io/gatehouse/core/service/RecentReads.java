package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values this node read from the store in the last few seconds, so that the request path (who
 * is calling, what may it do) does not read the database on every request. An entry is used only
 * while it is younger than the staleness bound and no change to its account has committed on this
 * node since it was read (AWS's IAM is eventually consistent the same way). Absent values are not
 * kept: something created is seen at once everywhere. Lock-free; when full, it starts over.
 *
 * @param <K> what a value is looked up by
 * @param <V> the value read
 */
public final class RecentReads<K, V> {

    /** How stale a read may be on a node other than the one that made the change. */
    public static final Duration STALENESS = Duration.ofSeconds(5);

    private final AccountChanges changes;
    private final Clock clock;
    private final Duration staleness;
    private final int capacity;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    /** {@code account}: whose changes make the entry old; empty for a change to any account. */
    private record Entry<V>(V value, Optional<AccountId> account, long generation, Instant readAt) {
    }

    public RecentReads(AccountChanges changes, Clock clock, Duration staleness, int capacity) {
        this.changes = changes;
        this.clock = clock;
        this.staleness = staleness;
        this.capacity = capacity;
    }

    /** The value for {@code key}, which belongs to {@code account}; {@code read} when none is fresh. */
    public V get(K key, AccountId account, Supplier<V> read) {
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry != null && fresh(entry, now)) {
            return entry.value();
        }
        // The generation is taken before reading: a change committing meanwhile makes the entry old at once.
        long generation = changes.generation(account);
        V value = read.get();
        keep(key, new Entry<>(value, Optional.of(account), generation, now));
        return value;
    }

    /**
     * The value for {@code key}, when it exists, for values whose account is not known before they
     * are read (a user by its id): such an entry is out of date after a change to any account.
     */
    public Optional<V> find(K key, Supplier<Optional<V>> read) {
        Instant now = clock.instant();
        Entry<V> entry = entries.get(key);
        if (entry != null && fresh(entry, now)) {
            return Optional.of(entry.value());
        }
        long generation = changes.anyGeneration();
        Optional<V> value = read.get();
        value.ifPresent(found -> keep(key, new Entry<>(found, Optional.empty(), generation, now)));
        return value;
    }

    /** Forgets every entry (a change whose account is not known, e.g. a key's deletion). */
    public void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    private boolean fresh(Entry<V> entry, Instant now) {
        long current = entry.account().map(changes::generation).orElseGet(changes::anyGeneration);
        return entry.generation() == current && entry.readAt().plus(staleness).isAfter(now);
    }

    private void keep(K key, Entry<V> entry) {
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(key, entry);
    }
}
