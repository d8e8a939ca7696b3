package org.run78.domain.aggregation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.run78.domain.campaign.Campaign;
import org.run78.domain.donation.Donation;
import org.run78.domain.leaderboard.LeaderboardSnapshot;

/**
 * Counts donations into every total exactly once, generates projects as aided totals reach
 * the target, and refreshes the leaderboard snapshot. Safe under redelivery, duplicates, any
 * order, and a failure between any two store calls (docs/exactly-once.md).
 */
public final class AggregationService {
    /** DynamoDB's limit of actions in one TransactWriteItems. */
    public static final int MAX_ACTIONS_PER_WRITE = 100;
    private static final int FOLD_ROUNDS = 8;

    private final Campaign campaign;
    private final DonationCounter counter;
    private final TopDonors topDonors;
    private final SnapshotWriter snapshots;
    private final Clock clock;

    public AggregationService(Campaign campaign, DonationCounter counter, TopDonors topDonors, SnapshotWriter snapshots,
                              Clock clock) {
        this.campaign = campaign;
        this.counter = counter;
        this.topDonors = topDonors;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /**
     * @param retry  donations to deliver again (their chunk could not be written this time)
     * @param poison donations that can never be counted (not in the ledger, or not as the ledger says)
     */
    public record Result(Set<String> counted, Set<String> retry, Set<String> poison) {}

    public Result aggregate(List<Donation> donations) {
        Map<String, Donation> unique = new LinkedHashMap<>();
        donations.forEach(d -> unique.putIfAbsent(d.donationId(), d));
        Set<String> counted = new HashSet<>();
        Set<String> retry = new HashSet<>();
        Set<String> poison = new HashSet<>();
        Set<String> deltaIds = new HashSet<>();
        for (List<Donation> chunk : Chunking.split(new ArrayList<>(unique.values()), MAX_ACTIONS_PER_WRITE)) {
            try {
                CountOutcome outcome = counter.count(chunk, clock.instant());
                counted.addAll(outcome.counted());
                poison.addAll(outcome.poison());
                if (outcome.deltaId() != null) {
                    deltaIds.add(outcome.deltaId());
                }
            } catch (RuntimeException writeFailed) {
                chunk.forEach(d -> retry.add(d.donationId()));
            }
        }
        settle(deltaIds);
        return new Result(counted, retry, poison);
    }

    /**
     * Folds pending deltas (this batch's and any left by an invocation that died), generates
     * the projects whose targets are reached, and refreshes the snapshot. Also what the
     * sweeper runs, so that a delta left behind never waits for the next donation.
     */
    public void settle(Set<String> mustBeFolded) {
        for (int round = 0; round < FOLD_ROUNDS && counter.foldPendingDeltas() > 0; round++) {
            if (!mustBeFolded.isEmpty() && counter.pendingAmong(mustBeFolded).isEmpty()) {
                break;
            }
        }
        if (!mustBeFolded.isEmpty() && !counter.pendingAmong(mustBeFolded).isEmpty()) {
            throw new IllegalStateException("counted deltas are still waiting to be folded; the batch will be retried");
        }
        Instant now = clock.instant();
        Totals totals = counter.totals();
        Map<String, Instant> generated = new HashMap<>(totals.generatedAt());
        for (String aided : totals.projectsToGenerate(campaign)) {
            counter.markProjectGenerated(aided, now).ifPresent(at -> generated.put(aided, at));
        }
        snapshots.save(new LeaderboardSnapshot(now, totals.regionSteps(), generated,
                topDonors.top(campaign.topDonors()), false));
    }
}
