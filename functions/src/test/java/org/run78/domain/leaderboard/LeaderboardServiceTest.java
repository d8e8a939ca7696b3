package org.run78.domain.leaderboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.run78.app.CampaignFile;
import org.run78.domain.campaign.Campaign;

class LeaderboardServiceTest {
    static final Campaign CAMPAIGN = CampaignFile.load("campaigns/2019.json");
    final Instant now = Instant.parse("2019-06-30T04:00:00Z");

    Leaderboard board(LeaderboardSnapshot snapshot) {
        return new LeaderboardService(CAMPAIGN, () -> Optional.ofNullable(snapshot), Clock.fixed(now, ZoneOffset.UTC)).current();
    }

    @Test
    void beforeAnyDonationEveryRegionShowsZeroAndSharesTheFirstRank() {
        Leaderboard b = board(null);
        assertEquals(36, b.regions().size());
        assertEquals(22, b.aided().size());
        assertTrue(b.regions().stream().allMatch(r -> r.steps() == 0 && r.rank() == 1));
        assertEquals("open", b.campaign().status());
        assertEquals("2019", b.campaign().id());
    }

    @Test
    void anAidedTotalIsItsOwnStepsPlusItsHelpersSteps() {
        Leaderboard b = board(new LeaderboardSnapshot(now, Map.of("620000", 1_000L, "330000", 2_500L), Map.of(), List.of(), false));
        Leaderboard.AidedStanding gansu = b.aided().stream().filter(a -> a.code().equals("620000")).findFirst().orElseThrow();
        assertEquals(3_500L, gansu.steps());
        assertEquals("330000", gansu.helperCode());
        assertEquals(78_000_000L, gansu.target());
        assertFalse(gansu.projectGenerated());
    }

    @Test
    void regionsAreRankedByTheirOwnStepsWithTiesSharingARank() {
        Leaderboard b = board(new LeaderboardSnapshot(now, Map.of("110000", 50L, "310000", 50L, "620000", 10L), Map.of(), List.of(), false));
        assertEquals(List.of(1, 1, 3), b.regions().subList(0, 3).stream().map(Leaderboard.RegionStanding::rank).toList());
        assertEquals(4, b.regions().get(3).rank());
    }

    @Test
    void aGeneratedProjectShowsWhenItHappenedAndFullProgress() {
        Instant generated = Instant.parse("2019-06-29T10:00:00Z");
        Leaderboard b = board(new LeaderboardSnapshot(now, Map.of("130000", 78_000_001L), Map.of("130000", generated), List.of(), false));
        Leaderboard.AidedStanding hebei = b.aided().stream().filter(a -> a.code().equals("130000")).findFirst().orElseThrow();
        assertTrue(hebei.projectGenerated());
        assertEquals(generated, hebei.generatedAt().toInstant());
        assertEquals(1.0, hebei.progress());
        assertEquals(8, hebei.generatedAt().getOffset().getTotalSeconds() / 3600);
    }

    @Test
    void onlyTheTopFiftyDonorsAreShownWithTiesSharingARank() {
        List<LeaderboardSnapshot.TopDonor> donors = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            donors.add(new LeaderboardSnapshot.TopDonor("runner " + i, 100_000 - (i / 2)));
        }
        Leaderboard b = board(new LeaderboardSnapshot(now, Map.of(), Map.of(), donors, false));
        assertEquals(50, b.topDonors().size());
        assertEquals(1, b.topDonors().get(1).rank());
        assertEquals(3, b.topDonors().get(2).rank());
    }
}
