package org.run78.domain.leaderboard;

import java.util.Optional;

public interface LeaderboardSnapshots {
    Optional<LeaderboardSnapshot> latest();
}
