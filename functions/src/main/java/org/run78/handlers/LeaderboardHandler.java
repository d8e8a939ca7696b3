package org.run78.handlers;

import org.run78.app.Services;
import org.run78.domain.leaderboard.LeaderboardService;
import org.run78.http.ApiHandler;
import org.run78.http.ApiRequest;
import org.run78.http.ApiResponse;

/** GET /v1/leaderboard: answered from the precomputed snapshot. */
public final class LeaderboardHandler extends ApiHandler {
    private final LeaderboardService leaderboard;

    public LeaderboardHandler() {
        this(Services.fromEnvironment());
    }

    public LeaderboardHandler(Services services) {
        this.leaderboard = services.leaderboard();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(leaderboard.current());
    }
}
