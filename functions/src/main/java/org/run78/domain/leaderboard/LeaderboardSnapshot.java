package org.run78.domain.leaderboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The precomputed state the leaderboard is answered from, written by aggregation: each
 * region's own counted steps, when each aided region's project was generated, the top donors.
 */
public record LeaderboardSnapshot(Instant asOf, Map<String, Long> regionSteps, Map<String, Instant> projectsGeneratedAt,
                                  List<TopDonor> topDonors, boolean finalized) {

    public LeaderboardSnapshot {
        regionSteps = Map.copyOf(regionSteps);
        projectsGeneratedAt = Map.copyOf(projectsGeneratedAt);
        topDonors = List.copyOf(topDonors);
    }

    public record TopDonor(String displayName, long steps) {}
}
