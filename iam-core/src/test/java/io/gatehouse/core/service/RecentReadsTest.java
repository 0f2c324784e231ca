package io.gatehouse.core.service;

import io.gatehouse.core.arn.AccountId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentReadsTest {

    private static final AccountId ACCOUNT = new AccountId("111122223333");
    private static final AccountId OTHER = new AccountId("444455556666");

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final AccountChanges changes = new AccountChanges();
    private final RecentReads<String, String> reads = new RecentReads<>(changes, clock, Duration.ofSeconds(5), 100);
    private final AtomicInteger storeReads = new AtomicInteger();

    private String read() {
        return "value-" + storeReads.incrementAndGet();
    }

    @Test
    void readsTheStoreOnceWithinTheStalenessBound() {
        assertEquals("value-1", reads.get("k", ACCOUNT, this::read));
        clock.now = clock.now.plusSeconds(4);
        assertEquals("value-1", reads.get("k", ACCOUNT, this::read));
        assertEquals(1, storeReads.get());
    }

    @Test
    void readsAgainOnceTheStalenessBoundHasPassed() {
        reads.get("k", ACCOUNT, this::read);
        clock.now = clock.now.plusSeconds(5);
        assertEquals("value-2", reads.get("k", ACCOUNT, this::read));
    }

    @Test
    void aCommittedChangeToTheAccountEndsItsEntriesAtOnce() {
        reads.get("k", ACCOUNT, this::read);
        changes.changed(ACCOUNT);
        assertEquals("value-2", reads.get("k", ACCOUNT, this::read));
    }

    @Test
    void aChangeToAnotherAccountLeavesTheEntry() {
        reads.get("k", ACCOUNT, this::read);
        changes.changed(OTHER);
        assertEquals("value-1", reads.get("k", ACCOUNT, this::read));
    }

    @Test
    void aChangeCommittedWhileReadingIsNotHiddenByTheEntry() {
        // The store answers with the old value while the change commits: that read must not be kept as current.
        reads.get("k", ACCOUNT, () -> {
            changes.changed(ACCOUNT);
            return read();
        });
        assertEquals("value-2", reads.get("k", ACCOUNT, this::read));
    }

    @Test
    void valuesFoundBeforeTheirAccountIsKnownEndWithAChangeToAnyAccount() {
        assertEquals(Optional.of("value-1"), reads.find("k", () -> Optional.of(read())));
        assertEquals(Optional.of("value-1"), reads.find("k", () -> Optional.of(read())));
        changes.changed(OTHER);
        assertEquals(Optional.of("value-2"), reads.find("k", () -> Optional.of(read())));
    }

    @Test
    void absentValuesAreNotKept() {
        assertEquals(Optional.empty(), reads.find("k", Optional::empty));
        assertEquals(Optional.of("value-1"), reads.find("k", () -> Optional.of(read())));
    }

    @Test
    void startsOverWhenFull() {
        for (int i = 0; i < 250; i++) {
            reads.get("k" + i, ACCOUNT, this::read);
        }
        assertTrue(reads.size() <= 100, "size " + reads.size());
    }
}
