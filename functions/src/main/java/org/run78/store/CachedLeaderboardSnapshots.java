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
    private final PerContainerCache<Optional<LeaderboardSnapshot>> cache;

    public CachedLeaderboardSnapshots(LeaderboardSnapshots source, Duration ttl) {
        this(source, ttl, System::nanoTime);
    }

    CachedLeaderboardSnapshots(LeaderboardSnapshots source, Duration ttl, LongSupplier nanoTime) {
        this.cache = new PerContainerCache<>(source::latest, ttl, nanoTime);
    }

    @Override
    public Optional<LeaderboardSnapshot> latest() {
        return cache.get();
    }
}
