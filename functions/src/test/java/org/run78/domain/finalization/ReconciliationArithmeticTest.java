package org.run78.domain.finalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.run78.app.CampaignFile;
import org.run78.domain.aggregation.Totals;
import org.run78.domain.campaign.Campaign;
import org.run78.domain.donation.Donation;
import org.run78.domain.leaderboard.LeaderboardSnapshot;
import org.run78.domain.profile.DisplayName;

class ReconciliationArithmeticTest {
    static final Campaign CAMPAIGN = CampaignFile.load("campaigns/2019.json");
    static final LocalDate DAY = LocalDate.of(2019, 6, 26);
    static final LocalDate DOUBLE_DAY = LocalDate.of(2019, 7, 8);

    static Donation donation(String user, LocalDate day, String region, int steps) {
        return new Donation(Donation.idFor(user, day), user, day, region, steps, CAMPAIGN.donations().countedSteps(day, steps),
                day.atTime(9, 0).atZone(CAMPAIGN.zone()).toInstant());
    }

    /** Zhejiang (330000) helps Gansu (620000); Hebei (130000) is aided without a helper. */
    static final List<Donation> LEDGER = List.of(
            donation("u1", DAY, "330000", 10_000),
            donation("u1", DOUBLE_DAY, "620000", 8_000),   // counts 16,000
            donation("u2", DAY, "620000", 9_000),
            donation("u3", DAY, "130000", 12_345));

    /** Stored totals exactly as the ledger says, to plant drift in. */
    static Totals storedAsLedger() {
        Map<String, Long> steps = new HashMap<>(Map.of("330000", 10_000L, "620000", 25_000L, "130000", 12_345L));
        Map<String, Long> count = new HashMap<>(Map.of("330000", 1L, "620000", 2L, "130000", 1L));
        Map<String, Long> aided = new HashMap<>(Map.of("620000", 35_000L, "130000", 12_345L));
        return new Totals(steps, count, aided, Map.of());
    }

    @Test
    void theLedgerSumsEachRegionEachUserAndTheWholeCampaignInCountedSteps() {
        LedgerSums sums = LedgerSums.of(LEDGER);
        assertEquals(new Counts(10_000, 1), sums.region("330000"));
        assertEquals(new Counts(25_000, 2), sums.region("620000"), "8,000 steps on the double day count 16,000");
        assertEquals(Counts.ZERO, sums.region("110000"));
        assertEquals(new Counts(26_000, 2), sums.user("u1"));
        assertEquals(4, sums.donations());
        assertEquals(3, sums.donors());
        assertEquals(10_000 + 16_000 + 9_000 + 12_345, sums.countedSteps());
        assertEquals(Map.of("620000", 35_000L, "130000", 12_345L), sums.aidedSteps(CAMPAIGN), "a helper's steps count for Gansu");
    }

    @Test
    void sumsOfSegmentsMergedEqualTheSumOfTheWholeLedger() {
        List<Donation> many = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            many.add(donation("user" + (i % 97), DAY.plusDays(i % 13), CAMPAIGN.regions().get(i % 36).code(), 7_800 + i));
        }
        List<LedgerSums> segments = List.of(new LedgerSums(), new LedgerSums(), new LedgerSums());
        for (int i = 0; i < many.size(); i++) {
            segments.get(i % 3).accept(new LedgerDonation(many.get(i), true));
        }
        LedgerSums merged = LedgerSums.merged(segments);
        LedgerSums whole = LedgerSums.of(many);
        assertEquals(whole.regionSteps(), merged.regionSteps());
        assertEquals(whole.donations(), merged.donations());
        assertEquals(whole.donors(), merged.donors());
        assertEquals(whole.countedSteps(), merged.countedSteps());
        for (int u = 0; u < 97; u++) {
            assertEquals(whole.user("user" + u), merged.user("user" + u));
        }
    }

    @Test
    void donationsWithoutACountedMarkAreCollectedForCounting() {
        LedgerSums sums = new LedgerSums();
        sums.accept(new LedgerDonation(LEDGER.get(0), true));
        sums.accept(new LedgerDonation(LEDGER.get(1), false));
        assertEquals(List.of(LEDGER.get(1)), sums.uncounted());
        assertEquals(2, sums.donations(), "an uncounted donation is still part of the ledger's sums");
    }

    @Test
    void totalsThatEqualTheLedgerHaveNoDrift() {
        assertEquals(List.of(), TotalsReconciliation.drifts(CAMPAIGN, LedgerSums.of(LEDGER), storedAsLedger()));
    }

    @Test
    void aLostIncrementIsADriftUpToTheLedgersValue() {
        Totals good = storedAsLedger();
        Map<String, Long> steps = new HashMap<>(good.regionSteps());
        steps.put("330000", 0L);
        Map<String, Long> count = new HashMap<>(good.regionDonations());
        count.put("330000", 0L);
        List<Drift> drifts = TotalsReconciliation.drifts(CAMPAIGN, LedgerSums.of(LEDGER),
                new Totals(steps, count, good.aidedSteps(), Map.of()));
        assertEquals(List.of(new Drift(Drift.Scope.REGION, "330000", Counts.ZERO, new Counts(10_000, 1))), drifts);
        assertEquals(new Counts(10_000, 1), drifts.get(0).difference());
        assertEquals("REGION#330000/TOTAL", drifts.get(0).item());
    }

    @Test
    void aDoubledIncrementIsADriftDownToTheLedgersValue() {
        Totals good = storedAsLedger();
        Map<String, Long> aided = new HashMap<>(good.aidedSteps());
        aided.put("620000", 35_000L + 9_000L);
        List<Drift> drifts = TotalsReconciliation.drifts(CAMPAIGN, LedgerSums.of(LEDGER),
                new Totals(good.regionSteps(), good.regionDonations(), aided, Map.of()));
        assertEquals(List.of(new Drift(Drift.Scope.AIDED, "620000", new Counts(44_000, 0), new Counts(35_000, 0))), drifts);
        assertEquals(-9_000, drifts.get(0).difference().steps());
    }

    @Test
    void anAidedTotalIsItsOwnStepsPlusItsHelpersEvenWhenOnlyTheHelperDonated() {
        LedgerSums sums = LedgerSums.of(List.of(donation("u9", DAY, "110000", 20_000))); // Beijing helps Yunnan
        List<Drift> drifts = TotalsReconciliation.drifts(CAMPAIGN, sums, new Totals(Map.of(), Map.of(), Map.of(), Map.of()));
        assertTrue(drifts.contains(new Drift(Drift.Scope.REGION, "110000", Counts.ZERO, new Counts(20_000, 1))));
        assertTrue(drifts.contains(new Drift(Drift.Scope.AIDED, "530000", Counts.ZERO, new Counts(20_000, 0))));
        assertEquals(2, drifts.size());
    }

    @Test
    void aUserWhoseTotalWasCountedTwiceIsADriftAndSoIsADonorWithNoProfileTotalAtAll() {
        LedgerSums sums = LedgerSums.of(LEDGER);
        ProfileCheck segmentA = new ProfileCheck(sums, 50);
        ProfileCheck segmentB = new ProfileCheck(sums, 50);
        segmentA.accept(new StoredUserTotal("u1", new Counts(52_000, 4), null));  // doubled
        segmentB.accept(new StoredUserTotal("u2", new Counts(9_000, 1), null));   // right
        segmentB.accept(new StoredUserTotal("u7", new Counts(3_000, 1), null));   // no donation in the ledger
        segmentB.accept(new StoredUserTotal("u8", Counts.ZERO, null));            // logged in, never donated: fine
        List<Drift> drifts = ProfileCheck.userDrifts(sums, List.of(segmentA, segmentB));
        assertEquals(List.of(
                new Drift(Drift.Scope.USER, "u1", new Counts(52_000, 4), new Counts(26_000, 2)),
                new Drift(Drift.Scope.USER, "u7", new Counts(3_000, 1), Counts.ZERO),
                new Drift(Drift.Scope.USER, "u3", Counts.ZERO, new Counts(12_345, 1))), drifts);
        assertEquals(3, segmentB.profiles());
    }

    @Test
    void theFinalTopDonorsAreRankedByTheLedgersTotalsNotTheStoredOnesUnderTheNamesTheyChose() {
        LedgerSums sums = LedgerSums.of(LEDGER);
        ProfileCheck segmentA = new ProfileCheck(sums, 2);
        ProfileCheck segmentB = new ProfileCheck(sums, 2);
        segmentA.accept(new StoredUserTotal("u1", new Counts(52_000, 4), "跑者阿丽"));    // stored twice over
        segmentB.accept(new StoredUserTotal("u2", new Counts(900_000, 1), "Bob"));      // stored far too high
        segmentB.accept(new StoredUserTotal("u7", new Counts(3_000, 1), "NoDonation")); // no donation in the ledger
        // u3 donated 12,345 but has no profile at all: shown under the neutral default.

        List<LeaderboardSnapshot.TopDonor> top = ProfileCheck.topDonors(sums, List.of(segmentA, segmentB), 2);

        assertEquals(List.of(new LeaderboardSnapshot.TopDonor("跑者阿丽", 26_000),
                new LeaderboardSnapshot.TopDonor(DisplayName.shown(null), 12_345)), top);
    }

    @Test
    void aReachedTargetWithoutAGenerationTimeIsMarkedAndAGenerationTimeIsNeverTakenBack() {
        long target = CAMPAIGN.aidedTargetSteps();
        LedgerSums sums = LedgerSums.of(List.of(
                donation("a", DAY, "620000", 1), donation("b", DAY, "130000", 1)));
        LedgerSums reached = new LedgerSums();
        reached.merge(sums);
        for (int i = 0; i < (int) (target / 98_800) + 1; i++) {
            reached.add(donation("big" + i, DAY, "330000", 98_800));
        }
        Instant earlier = Instant.parse("2019-07-01T00:00:00Z");
        assertEquals(List.of("620000"), TotalsReconciliation.projectsToMarkGenerated(CAMPAIGN, reached, Map.of()));
        assertEquals(List.of(), TotalsReconciliation.projectsToMarkGenerated(CAMPAIGN, reached, Map.of("620000", earlier)));
        assertEquals(List.of("130000"), TotalsReconciliation.generatedBelowTarget(CAMPAIGN, reached,
                Map.of("620000", earlier, "130000", earlier)), "kept, and reported as below the target");
    }
}
