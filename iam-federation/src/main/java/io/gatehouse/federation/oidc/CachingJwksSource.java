package io.gatehouse.federation.oidc;

import io.gatehouse.core.error.IamException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Providers' keys cached per issuer. Reading fresh keys takes no lock: a map lookup and a volatile
 * read of an immutable entry. Fetching takes a lock on that one issuer only, so concurrent
 * requests for a cold or stale issuer cause one fetch, and other issuers are never held up.
 *
 * <p>Fetches for one issuer are spaced at least {@code minFetchInterval} apart, whatever asks for
 * them: a stream of tokens naming keys the provider never published (or a provider that is down)
 * costs at most one fetch per interval, not one per token.
 */
public final class CachingJwksSource implements JwksSource {

    public static final Duration DEFAULT_TIME_TO_LIVE = Duration.ofHours(1);
    public static final Duration DEFAULT_MIN_FETCH_INTERVAL = Duration.ofSeconds(30);

    private final OidcDiscovery discovery;
    private final Clock clock;
    private final Duration timeToLive;
    private final Duration minFetchInterval;
    private final ConcurrentMap<String, Slot> slots = new ConcurrentHashMap<>();

    public CachingJwksSource(OidcDiscovery discovery, Clock clock, Duration timeToLive, Duration minFetchInterval) {
        this.discovery = Objects.requireNonNull(discovery, "discovery");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
        this.minFetchInterval = Objects.requireNonNull(minFetchInterval, "minFetchInterval");
        if (minFetchInterval.compareTo(timeToLive) > 0) {
            throw new IllegalArgumentException("the minimum fetch interval exceeds the time to live");
        }
    }

    public CachingJwksSource(OidcDiscovery discovery, Clock clock) {
        this(discovery, clock, DEFAULT_TIME_TO_LIVE, DEFAULT_MIN_FETCH_INTERVAL);
    }

    @Override
    public ProviderKeys keys(OidcProviderTrust provider) {
        Slot slot = slots.computeIfAbsent(provider.issuerKey(), key -> new Slot());
        Entry entry = slot.entry;
        if (entry != null && entry.freshAt(clock.instant(), timeToLive)) {
            return entry.keys().orElseThrow();
        }
        synchronized (slot) {
            Entry current = slot.entry;
            Instant now = clock.instant();
            if (current != null && current.freshAt(now, timeToLive)) {
                return current.keys().orElseThrow();
            }
            if (current != null && current.failure().isPresent() && current.fetchedRecently(now, minFetchInterval)) {
                IamException failure = current.failure().get();
                throw new IamException(failure.code(), failure.getMessage());
            }
            return fetch(slot, provider, current, now);
        }
    }

    @Override
    public ProviderKeys refetch(OidcProviderTrust provider, ProviderKeys seen) {
        Slot slot = slots.computeIfAbsent(provider.issuerKey(), key -> new Slot());
        synchronized (slot) {
            Entry current = slot.entry;
            if (current != null && current.keys().isPresent() && current.keys().get() != seen) {
                return current.keys().get();
            }
            Instant now = clock.instant();
            if (current != null && current.fetchedRecently(now, minFetchInterval)) {
                return seen;
            }
            return fetch(slot, provider, current, now);
        }
    }

    private ProviderKeys fetch(Slot slot, OidcProviderTrust provider, Entry previous, Instant now) {
        try {
            ProviderKeys keys = discovery.fetch(provider);
            slot.entry = new Entry(Optional.of(keys), now, now, Optional.empty());
            return keys;
        } catch (IamException failure) {
            // Keys still within their lifetime stay in use; the failure only spaces out the next try.
            slot.entry = previous == null || previous.keys().isEmpty()
                    ? new Entry(Optional.empty(), now, now, Optional.of(failure))
                    : new Entry(previous.keys(), previous.fetchedAt(), now, Optional.of(failure));
            throw failure;
        }
    }

    /** One issuer's cache cell; its monitor serializes fetches for that issuer only. */
    private static final class Slot {
        volatile Entry entry;
    }

    private record Entry(Optional<ProviderKeys> keys, Instant fetchedAt, Instant attemptedAt,
                         Optional<IamException> failure) {

        boolean freshAt(Instant now, Duration timeToLive) {
            return keys.isPresent() && now.isBefore(fetchedAt.plus(timeToLive));
        }

        boolean fetchedRecently(Instant now, Duration interval) {
            return now.isBefore(attemptedAt.plus(interval));
        }
    }
}
