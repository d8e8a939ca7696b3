package org.run78.store;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.run78.domain.leaderboard.LeaderboardSnapshot;
import org.run78.domain.leaderboard.LeaderboardSnapshots;

/**
 * Keeps the snapshot for a moment per container: on launch morning every request wants the
 * same item, and one read a second per container keeps it off a hot key while staying fresh.
 */
public final class CachedLeaderboardSnapshots implements LeaderboardSnapshots {
    private final LeaderboardSnapshots source;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private volatile Cached cached;

    private record Cached(Optional<LeaderboardSnapshot> snapshot, long readAtNanos) {}

    public CachedLeaderboardSnapshots(LeaderboardSnapshots source, Duration ttl) {
        this(source, ttl, System::nanoTime);
    }

    CachedLeaderboardSnapshots(LeaderboardSnapshots source, Duration ttl, LongSupplier nanoTime) {
        this.source = source;
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public Optional<LeaderboardSnapshot> latest() {
        Cached c = cached;
        long now = nanoTime.getAsLong();
        if (c != null && now - c.readAtNanos() < ttlNanos) {
            return c.snapshot();
        }
        Optional<LeaderboardSnapshot> fresh = source.latest();
        cached = new Cached(fresh, now);
        return fresh;
    }
}
