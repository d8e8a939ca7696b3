package org.run78.domain.aggregation;

import org.run78.domain.leaderboard.LeaderboardSnapshot;

public interface SnapshotWriter {
    /** Saves the snapshot unless a newer one is already there. */
    void save(LeaderboardSnapshot snapshot);
}
