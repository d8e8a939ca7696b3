package org.run78.domain.leaderboard;

import java.time.OffsetDateTime;
import java.util.List;

/** The leaderboard as the API shows it (API.md, GET /v1/leaderboard). */
public record Leaderboard(OffsetDateTime asOf, CampaignState campaign, List<RegionStanding> regions,
                          List<AidedStanding> aided, List<DonorStanding> topDonors) {

    public record CampaignState(String id, String status) {}

    public record RegionStanding(String code, String name, long steps, int rank) {}

    public record AidedStanding(String code, String name, String helperCode, long steps, long target,
                                double progress, boolean projectGenerated, OffsetDateTime generatedAt) {}

    public record DonorStanding(int rank, String displayName, long steps) {}
}
