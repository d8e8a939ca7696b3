package org.run78.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class PerContainerCacheTest {
    final AtomicLong nanos = new AtomicLong(1_000);
    final AtomicInteger reads = new AtomicInteger();
    final PerContainerCache<Integer> cache = new PerContainerCache<>(reads::incrementAndGet, Duration.ofSeconds(1), nanos::get);

    @Test
    void requestsWithinTheTtlShareOneReadAndTheFirstAfterItReadsAgain() {
        assertEquals(1, cache.get());
        nanos.addAndGet(999_999_999);
        assertEquals(1, cache.get(), "still within the second");
        nanos.addAndGet(1);
        assertEquals(2, cache.get(), "a second old: read again");
        assertEquals(2, reads.get());
    }

    @Test
    void aZeroTtlReadsEveryTime() {
        PerContainerCache<Integer> uncached = new PerContainerCache<>(reads::incrementAndGet, Duration.ZERO, nanos::get);
        uncached.get();
        uncached.get();
        assertEquals(2, reads.get());
    }
}
