package org.run78.handlers;

import java.util.LinkedHashMap;
import java.util.Map;

import org.run78.app.Log;
import org.run78.app.Metrics;
import org.run78.app.Services;
import org.run78.domain.donation.Donation;
import org.run78.domain.donation.DonationService;
import org.run78.domain.leaderboard.LeaderboardService;
import org.run78.http.ApiHandler;
import org.run78.http.ApiRequest;
import org.run78.http.ApiResponse;
import org.run78.http.JsonBody;
import org.run78.http.UserAuth;

/** POST /v1/donations: today's steps, from WeChat's encrypted run data, to one region. */
public final class DonateHandler extends ApiHandler {
    private final UserAuth auth;
    private final DonationService donations;
    private final LeaderboardService leaderboard;

    public DonateHandler() {
        this(Services.fromEnvironment());
    }

    public DonateHandler(Services services) {
        this.auth = services.userAuth();
        this.donations = services.donations();
        this.leaderboard = services.leaderboard();
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String userId = auth.userId(request);
        JsonBody body = JsonBody.of(request);
        DonationService.Request donation = new DonationService.Request(
                body.requiredString("regionCode", 6),
                body.requiredString("encryptedData", 16_384),
                body.requiredString("iv", 64),
                body.optionalString("code", 128));
        DonationService.Outcome outcome = donations.donate(userId, donation);
        Donation d = outcome.donation();
        if (!outcome.queued()) {
            Log.warn("donation.publish_failed", "donationId", d.donationId());
        }
        Log.info("donation.accepted", "donationId", d.donationId(), "regionCode", d.regionCode(), "countedSteps", d.countedSteps());
        Metrics.donationAccepted(d.countedSteps());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("donationId", d.donationId());
        answer.put("day", d.day());
        answer.put("regionCode", d.regionCode());
        answer.put("steps", d.steps());
        answer.put("countedSteps", d.countedSteps());
        answer.put("donatedAt", d.donatedAt());
        answer.put("leaderboard", leaderboard.current());
        return ApiResponse.created(answer);
    }
}
