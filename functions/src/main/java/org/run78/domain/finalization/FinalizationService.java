package org.run78.domain.finalization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.run78.domain.aggregation.AggregationService;
import org.run78.domain.aggregation.DonationCounter;
import org.run78.domain.aggregation.Totals;
import org.run78.domain.aggregation.UncountedDonations;
import org.run78.domain.campaign.Campaign;
import org.run78.domain.donation.Donation;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;
import org.run78.domain.leaderboard.LeaderboardSnapshot;

/**
 * Closes the campaign and publishes its final report (docs/finalization.md). Safe to run any
 * number of times, also concurrently: once a report is published every run returns it
 * unchanged, and every write on the way is conditional.
 *
 * <ol>
 *   <li>refuse before the campaign's end (CAMPAIGN_NOT_ENDED);</li>
 *   <li>a report already published is returned as it is;</li>
 *   <li>record the campaign closed (donations and claims are refused by the clock already);</li>
 *   <li>give donations accepted just before the end time to land, then wait, bounded, for the
 *       donation queue to drain;</li>
 *   <li>count what is still uncounted through the exactly-once path, and fold every delta;</li>
 *   <li>reconcile every total against a parallel scan of the ledger, correcting drift
 *       conditionally and logging each correction; mark reached targets generated;</li>
 *   <li>freeze the standings (the leaderboard shows `final`);</li>
 *   <li>publish the report, once, and mark the campaign final.</li>
 * </ol>
 */
public final class FinalizationService {
    /** A cutoff after every donation the ledger can hold: the whole `Uncounted` index. */
    private static final Instant ANY_TIME = Instant.parse("9999-12-31T00:00:00Z");
    private static final int UNCOUNTED_PAGE = 1_000;
    private static final int COUNT_ATTEMPTS = 5;
    private static final int CORRECT_ATTEMPTS = 5;
    private static final int RECONCILE_ROUNDS = 3;
    private static final int MAX_FOLDS = 100_000;
    private static final Duration GRACE_STEP = Duration.ofMillis(250);

    /**
     * @param inFlightGrace how long after the end a donation accepted just before it may still be
     *                      writing (the donate function's timeout, with a margin)
     * @param drainWait     the longest the finalizer waits for the donation queue to empty
     * @param drainPoll     how often it looks at the queue meanwhile
     */
    public record Settings(Duration inFlightGrace, Duration drainWait, Duration drainPoll) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(15), Duration.ofMinutes(2), Duration.ofSeconds(2));
    }

    public record Ports(AggregationService aggregation, DonationCounter counter, UncountedDonations uncounted,
                        LedgerScan ledger, ProfileTotals profiles, TotalsCorrector corrector,
                        FinalStandings standings, FinalReports reports, CampaignStatus status, QueueDepth queue,
                        FinalClaims claims, FinalizationJournal journal, Pause pause) {}

    /** How the queue wait ended. */
    public record Drain(boolean drained, long messagesLeft, Duration waited) {}

    /**
     * What a run did. A run that found the report published did nothing else: its lists are
     * empty and its drain is null.
     *
     * @param publishedNow whether this run published the report (false: it was published before, or by a concurrent run)
     */
    public record Outcome(FinalReport report, boolean publishedNow, Drain drain, long countedNow,
                          List<Drift> corrections, List<String> projectsMarkedGenerated) {}

    private final Campaign campaign;
    private final Ports ports;
    private final Settings settings;
    private final Clock clock;

    public FinalizationService(Campaign campaign, Ports ports, Settings settings, Clock clock) {
        this.campaign = campaign;
        this.ports = ports;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs the finalizer and returns the final report (the one published before, if any). */
    public FinalReport finalizeCampaign() {
        return run().report();
    }

    public Outcome run() {
        Instant started = clock.instant();
        requireEnded(started);
        Optional<FinalReport> existing = ports.reports().published();
        if (existing.isPresent()) {
            // A run that died between publishing and marking final left the campaign `closed`.
            ports.status().markFinal(existing.get().finalizedAt().toInstant());
            journal("finalize.already_final", "finalizedAt", existing.get().finalizedAt());
            return new Outcome(existing.get(), false, null, 0, List.of(), List.of());
        }
        ports.status().markClosed(started);
        journal("finalize.closed", "at", started);

        waitForInFlightDonations();
        Drain drain = drainQueue();
        long countedNow = countUncounted();

        LedgerSums ledger = LedgerSums.merged(ports.ledger().scan(LedgerSums::new));
        journal("finalize.ledger_read", "donations", ledger.donations(), "donors", ledger.donors(),
                "countedSteps", ledger.countedSteps(), "uncountedFound", ledger.uncounted().size());
        if (!ledger.uncounted().isEmpty()) {
            // Written after the index was read (or not in the index yet): counted the same way.
            countedNow += countThroughAggregation(ledger.uncounted());
        }

        List<Drift> corrections = new ArrayList<>();
        Totals stored = reconcileTotals(ledger, corrections);
        List<ProfileCheck> profileSegments = ports.profiles().scan(() -> new ProfileCheck(ledger, campaign.topDonors()));
        journal("finalize.profiles_read", "profiles", profileSegments.stream().mapToLong(ProfileCheck::profiles).sum());
        for (Drift drift : ProfileCheck.userDrifts(ledger, profileSegments)) {
            correct(drift).ifPresent(corrections::add);
        }

        Instant now = clock.instant();
        Map<String, Instant> generatedAt = new HashMap<>(stored.generatedAt());
        List<String> marked = TotalsReconciliation.projectsToMarkGenerated(campaign, ledger, generatedAt);
        for (String aided : marked) {
            // The totals were just set to the ledger's, which reaches the target: it is stored.
            Instant at = ports.counter().markProjectGenerated(aided, now).orElseThrow(() ->
                    new IllegalStateException(aided + " reached its target in the ledger but not in its stored total"));
            generatedAt.put(aided, at);
            journal("finalize.project_marked_generated", "aidedCode", aided,
                    "steps", ledger.aidedSteps(campaign).get(aided), "generatedAt", at);
        }
        List<String> belowTarget = TotalsReconciliation.generatedBelowTarget(campaign, ledger, generatedAt);
        for (String code : belowTarget) {
            journal("finalize.generated_below_target", "aidedCode", code,
                    "steps", ledger.aidedSteps(campaign).getOrDefault(code, 0L), "kept", true);
        }

        ports.standings().freeze(new LeaderboardSnapshot(now, ledger.regionSteps(), generatedAt,
                ProfileCheck.topDonors(ledger, profileSegments, campaign.topDonors()), true));

        FinalReport report = FinalReport.build(campaign, now, ledger, generatedAt, ports.claims().all(),
                new FinalReport.Reconciliation(countedNow, corrections.size(), marked.size(), drain.drained(),
                        drain.messagesLeft(), belowTarget));
        Optional<FinalReport> earlier = ports.reports().publish(report);
        FinalReport published = earlier.orElse(report);
        ports.status().markFinal(published.finalizedAt().toInstant());
        journal("finalize.published", "publishedNow", earlier.isEmpty(), "finalizedAt", published.finalizedAt(),
                "donations", published.totals().donations(), "countedSteps", published.totals().countedSteps(),
                "corrections", corrections.size(), "countedAtFinalization", countedNow);
        return new Outcome(published, earlier.isEmpty(), drain, countedNow, List.copyOf(corrections), List.copyOf(marked));
    }

    private void requireEnded(Instant now) {
        if (now.isBefore(campaign.endsAt())) {
            throw new DomainException(ErrorCode.CAMPAIGN_NOT_ENDED, "the campaign runs until "
                    + campaign.endsAt().atZone(campaign.zone()).toOffsetDateTime() + "; it can be finalized after that");
        }
    }

    /**
     * A donation accepted a moment before the end may still be writing its ledger item: wait
     * until the end plus the grace. Bounded by the grace itself (whatever the clock does), and
     * refused if the clock turns back before the end (only a simulated clock does that).
     */
    private void waitForInFlightDonations() {
        Instant until = campaign.endsAt().plus(settings.inFlightGrace());
        Duration slept = Duration.ZERO;
        while (slept.compareTo(settings.inFlightGrace()) < 0) {
            Instant now = clock.instant();
            requireEnded(now);
            if (!now.isBefore(until)) {
                return;
            }
            Duration step = min(GRACE_STEP, Duration.between(now, until));
            ports.pause().sleep(step);
            slept = slept.plus(step);
        }
    }

    private Drain drainQueue() {
        Duration waited = Duration.ZERO;
        long left = ports.queue().messages();
        while (left > 0 && waited.compareTo(settings.drainWait()) < 0) {
            Duration step = min(settings.drainPoll(), settings.drainWait().minus(waited));
            ports.pause().sleep(step);
            waited = waited.plus(step);
            left = ports.queue().messages();
        }
        Drain drain = new Drain(left == 0, left, waited);
        if (drain.drained()) {
            journal("finalize.queue_drained", "waitedMs", waited.toMillis());
        } else {
            // Not a failure: whatever those messages carry is counted from the ledger below, and
            // their late delivery will find it counted.
            journal("finalize.queue_not_drained", "messagesLeft", left, "waitedMs", waited.toMillis());
        }
        return drain;
    }

    /** Every donation of the `Uncounted` index, through the same counting as the queue's. */
    private long countUncounted() {
        long counted = 0;
        Set<String> tried = new HashSet<>();
        while (true) {
            List<Donation> page = ports.uncounted().donatedBefore(ANY_TIME, UNCOUNTED_PAGE).stream()
                    .filter(d -> !tried.contains(d.donationId()))
                    .toList();
            if (page.isEmpty()) {
                return counted;
            }
            counted += countThroughAggregation(page);
            page.forEach(d -> tried.add(d.donationId()));
        }
    }

    private long countThroughAggregation(List<Donation> donations) {
        List<Donation> pending = donations;
        long counted = 0;
        for (int attempt = 1; attempt <= COUNT_ATTEMPTS && !pending.isEmpty(); attempt++) {
            Set<String> retry;
            try {
                AggregationService.Result result = ports.aggregation().aggregate(pending);
                counted += result.counted().size();
                result.poison().forEach(id -> journal("finalize.poison_donation", "donationId", id));
                retry = result.retry();
            } catch (RuntimeException settleFailed) {
                // Counted (or not) but not folded: counting again is a no-op, and the fold follows.
                journal("finalize.count_retry", "donations", pending.size(), "error", settleFailed.getClass().getSimpleName());
                retry = new HashSet<>();
                for (Donation d : pending) {
                    retry.add(d.donationId());
                }
            }
            Set<String> again = retry;
            pending = pending.stream().filter(d -> again.contains(d.donationId())).toList();
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException(pending.size()
                    + " uncounted donations could not be counted; nothing is published, run the finalizer again");
        }
        if (counted > 0) {
            journal("finalize.counted_uncounted", "donations", counted);
        }
        return counted;
    }

    /**
     * Sets the region and aided totals to the ledger's. Corrections are absolute and folds add,
     * so no delta may be folded after a correction: a donation the aggregate function counted as
     * the scan began has its delta written with its mark, and folding it after the correction
     * would count it twice. So every delta is folded before the totals are read, and a fold
     * found after the corrections means they were made on stale totals: reconcile again.
     */
    private Totals reconcileTotals(LedgerSums ledger, List<Drift> corrections) {
        for (int round = 1; round <= RECONCILE_ROUNDS; round++) {
            foldEveryDelta();
            Totals stored = ports.counter().totals();
            for (Drift drift : TotalsReconciliation.drifts(campaign, ledger, stored)) {
                correct(drift).ifPresent(corrections::add);
            }
            int late = foldEveryDelta();
            if (late == 0) {
                return stored;
            }
            journal("finalize.fold_after_correction", "round", round, "deltas", late);
        }
        throw new IllegalStateException("deltas keep arriving while the campaign is closed; run the finalizer again");
    }

    /** Folds until no delta is pending; how many were folded. */
    private int foldEveryDelta() {
        int folded = 0;
        for (int folds = 0; folds < MAX_FOLDS; folds++) {
            int now = ports.counter().foldPendingDeltas();
            if (now == 0) {
                return folded;
            }
            folded += now;
        }
        throw new IllegalStateException("deltas keep arriving while the campaign is closed; run the finalizer again");
    }

    /** Sets the stored value to the ledger's, conditionally; a concurrent change is read and decided again. */
    private Optional<Drift> correct(Drift drift) {
        Drift current = drift;
        for (int attempt = 1; attempt <= CORRECT_ATTEMPTS; attempt++) {
            Optional<Counts> found = ports.corrector().correct(current);
            if (found.isEmpty()) {
                Counts diff = current.difference();
                journal("finalize.corrected", "item", current.item(),
                        "storedSteps", current.stored().steps(), "ledgerSteps", current.ledger().steps(),
                        "differenceSteps", diff.steps(),
                        "storedDonations", current.stored().donations(), "ledgerDonations", current.ledger().donations(),
                        "differenceDonations", diff.donations());
                return Optional.of(current);
            }
            if (found.get().equals(current.ledger())) {
                return Optional.empty(); // a concurrent run corrected it already
            }
            current = current.withStored(found.get());
        }
        throw new IllegalStateException(drift.item() + " keeps changing while the campaign is closed; run the finalizer again");
    }

    private void journal(String event, Object... keyValues) {
        ports.journal().record(event, keyValues);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
