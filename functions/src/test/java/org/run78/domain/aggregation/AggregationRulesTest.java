package org.run78.domain.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.run78.app.CampaignFile;
import org.run78.domain.campaign.Campaign;
import org.run78.domain.donation.Donation;

class AggregationRulesTest {
    static final Campaign CAMPAIGN = CampaignFile.load("campaigns/2019.json");
    static final LocalDate DAY = LocalDate.of(2019, 6, 26);

    static Donation donation(String user, String region, long counted) {
        return new Donation(Donation.idFor(user, DAY), user, DAY, region, (int) counted, counted, Instant.parse("2019-06-26T02:00:00Z"));
    }

    @Test
    void deltasPreSumEachRegionAndEachUser() {
        Deltas d = Deltas.of(List.of(donation("u1", "330000", 10_000), donation("u2", "330000", 8_000), donation("u3", "620000", 9_000)));
        assertEquals(Map.of("330000", 18_000L, "620000", 9_000L), d.regionSteps());
        assertEquals(Map.of("330000", 2L, "620000", 1L), d.regionDonations());
        assertEquals(3, d.users().size());
    }

    @Test
    void aHelpersStepsCountTowardTheAidedRegionItRunsFor() {
        Map<String, Long> aided = Deltas.aidedSteps(CAMPAIGN, Map.of("330000", 18_000L, "620000", 9_000L, "110000", 5L, "130000", 7L));
        assertEquals(Map.of("620000", 27_000L, "530000", 5L, "130000", 7L), aided);
    }

    @Test
    void everyChunkFitsOneTransactionOfAHundredActions() {
        List<Donation> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            batch.add(donation("user" + i, "330000", 8_000));
        }
        List<List<Donation>> chunks = Chunking.split(batch, 100);
        for (List<Donation> chunk : chunks) {
            Set<String> users = new HashSet<>();
            chunk.forEach(d -> users.add(d.userId()));
            assertTrue(chunk.size() + users.size() + 1 <= 100, "actions in chunk: " + (chunk.size() + users.size() + 1));
        }
        assertEquals(500, chunks.stream().mapToInt(List::size).sum());
        assertEquals(11, chunks.size(), "49 donations of distinct users per chunk");
    }

    @Test
    void aUserAppearingTwiceInAChunkTakesOneUserUpdate() {
        List<Donation> batch = List.of(donation("same", "330000", 8_000),
                new Donation("other-day", "same", DAY.plusDays(1), "620000", 9_000, 9_000, Instant.EPOCH));
        assertEquals(1, Chunking.split(batch, 4).size());
    }

    @Test
    void aProjectIsGeneratedWhenTheAidedTotalReachesTheTargetExactly() {
        Totals totals = new Totals(Map.of(), Map.of(), Map.of("620000", 78_000_000L, "540000", 77_999_999L), Map.of());
        assertEquals(List.of("620000"), totals.projectsToGenerate(CAMPAIGN));
    }

    @Test
    void aProjectAlreadyGeneratedIsNotGeneratedAgain() {
        Totals totals = new Totals(Map.of(), Map.of(), Map.of("620000", 90_000_000L),
                Map.of("620000", Instant.parse("2019-06-30T00:00:00Z")));
        assertTrue(totals.projectsToGenerate(CAMPAIGN).isEmpty());
    }
}
