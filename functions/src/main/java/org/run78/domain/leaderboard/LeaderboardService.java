package org.run78.domain.leaderboard;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.run78.domain.campaign.Campaign;
import org.run78.domain.campaign.Region;

/** Builds the public leaderboard from the latest snapshot and the campaign data. */
public final class LeaderboardService {
    private final Campaign campaign;
    private final LeaderboardSnapshots snapshots;
    private final Clock clock;

    public LeaderboardService(Campaign campaign, LeaderboardSnapshots snapshots, Clock clock) {
        this.campaign = campaign;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    public Leaderboard current() {
        Instant now = clock.instant();
        LeaderboardSnapshot snapshot = snapshots.latest().orElseGet(() ->
                new LeaderboardSnapshot(now, Map.of(), Map.of(), List.of(), false));
        return view(snapshot, now);
    }

    Leaderboard view(LeaderboardSnapshot snapshot, Instant now) {
        Map<String, Long> steps = snapshot.regionSteps();
        String status = snapshot.finalized() ? "final" : campaign.phaseAt(now).apiName();
        List<Leaderboard.RegionStanding> regions = Ranking.rank(campaign.regions(),
                r -> steps.getOrDefault(r.code(), 0L),
                (r, rank) -> new Leaderboard.RegionStanding(r.code(), r.name(), steps.getOrDefault(r.code(), 0L), rank));
        List<Leaderboard.AidedStanding> aided = campaign.aidedRegions().stream().map(region -> {
            String helperCode = campaign.helperOf(region.code()).map(Region::code).orElse(null);
            long total = steps.getOrDefault(region.code(), 0L) + (helperCode == null ? 0L : steps.getOrDefault(helperCode, 0L));
            Instant generatedAt = snapshot.projectsGeneratedAt().get(region.code());
            return new Leaderboard.AidedStanding(region.code(), region.name(), helperCode, total,
                    campaign.aidedTargetSteps(), progress(total), generatedAt != null, at(generatedAt));
        }).toList();
        List<Leaderboard.DonorStanding> donors = Ranking.rank(snapshot.topDonors(), LeaderboardSnapshot.TopDonor::steps,
                (d, rank) -> new Leaderboard.DonorStanding(rank, d.displayName(), d.steps()));
        return new Leaderboard(at(snapshot.asOf()), new Leaderboard.CampaignState(campaign.id(), status),
                regions, aided, donors.subList(0, Math.min(donors.size(), campaign.topDonors())));
    }

    private double progress(long total) {
        double ratio = (double) total / campaign.aidedTargetSteps();
        return Math.min(1.0, Math.floor(ratio * 10_000) / 10_000);
    }

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(campaign.zone()).toOffsetDateTime();
    }
}
