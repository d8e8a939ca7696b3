package org.run78.store;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A read kept for a moment per container: what every public request reads alike (the
 * leaderboard snapshot, the project list) is read once a `ttl` per container, off the hot
 * key, and stays at most `ttl` old. Measured against the JVM's monotonic clock, not the
 * campaign's: it bounds staleness in real time whatever a simulated clock says.
 */
final class PerContainerCache<T> {
    private final Supplier<T> source;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private volatile Cached<T> cached;

    private record Cached<T>(T value, long readAtNanos) {}

    PerContainerCache(Supplier<T> source, Duration ttl, LongSupplier nanoTime) {
        this.source = source;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    T get() {
        Cached<T> c = cached;
        long now = nanoTime.getAsLong();
        if (c != null && now - c.readAtNanos() < ttlNanos) {
            return c.value();
        }
        T fresh = source.get();
        cached = new Cached<>(fresh, now);
        return fresh;
    }
}
