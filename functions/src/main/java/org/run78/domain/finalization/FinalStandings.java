package org.run78.domain.finalization;

import org.run78.domain.leaderboard.LeaderboardSnapshot;

/** The leaderboard's last word. */
public interface FinalStandings {

    /**
     * Saves the final snapshot unless one is already frozen; after it, no later snapshot of the
     * aggregation replaces it. Returns whether this call froze it.
     */
    boolean freeze(LeaderboardSnapshot finalSnapshot);
}
