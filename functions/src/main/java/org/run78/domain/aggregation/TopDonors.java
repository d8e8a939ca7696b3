package org.run78.domain.aggregation;

import java.util.List;

import org.run78.domain.leaderboard.LeaderboardSnapshot;

/** The users with the highest counted totals. */
public interface TopDonors {
    List<LeaderboardSnapshot.TopDonor> top(int count);
}
