package org.run78.domain.finalization;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.run78.domain.aggregation.CountOutcome;
import org.run78.domain.aggregation.Deltas;
import org.run78.domain.aggregation.DonationCounter;
import org.run78.domain.aggregation.SnapshotWriter;
import org.run78.domain.aggregation.TopDonors;
import org.run78.domain.aggregation.Totals;
import org.run78.domain.aggregation.UncountedDonations;
import org.run78.domain.campaign.Campaign;
import org.run78.domain.donation.Donation;
import org.run78.domain.leaderboard.LeaderboardSnapshot;

/**
 * Every port the finalizer uses, in memory, with the semantics of the DynamoDB adapters
 * (conditional corrections, a report published once, a frozen snapshot kept). For unit tests
 * of the orchestration only; the adapters themselves are tested against moto.
 */
final class InMemoryCampaignStore implements DonationCounter, UncountedDonations, LedgerScan,
        TotalsCorrector, TopDonors, SnapshotWriter, FinalStandings, FinalReports, CampaignStatus, QueueDepth {
    final Campaign campaign;
    final Map<String, Donation> ledger = new LinkedHashMap<>();
    final Set<String> counted = new HashSet<>();
    final Map<String, Long> regionSteps = new TreeMap<>();
    final Map<String, Long> regionDonations = new TreeMap<>();
    final Map<String, Long> aidedSteps = new TreeMap<>();
    final Map<String, Instant> generatedAt = new TreeMap<>();
    final Map<String, Counts> users = new TreeMap<>();
    /** Display names chosen, by user. */
    final Map<String, String> names = new TreeMap<>();
    final Map<String, Deltas> pendingDeltas = new LinkedHashMap<>();
    final List<String> writes = new ArrayList<>();
    final Deque<Long> queueAnswers = new ArrayDeque<>();
    final List<Duration> sleeps = new ArrayList<>();
    LeaderboardSnapshot snapshot;
    FinalReport report;
    String status;
    boolean dieBeforeMarkingFinal;
    /** Runs before each correction, to stand for a concurrent writer. */
    Consumer<Drift> beforeCorrect = d -> {};

    InMemoryCampaignStore(Campaign campaign) {
        this.campaign = campaign;
    }

    /** A donation in the ledger, counted into every total as aggregation would. */
    void countedDonation(Donation d) {
        ledger.put(d.donationId(), d);
        count(List.of(d), Instant.EPOCH);
        foldPendingDeltas();
    }

    FinalizationService.Ports ports(FinalClaims claims, List<String> journal) {
        org.run78.domain.aggregation.AggregationService aggregation = new org.run78.domain.aggregation.AggregationService(
                campaign, this, this, this, java.time.Clock.systemUTC());
        return new FinalizationService.Ports(aggregation, this, this, this, profiles(), this, this, this, this, this,
                claims, (event, kv) -> journal.add(event), sleeps::add);
    }

    @Override
    public CountOutcome count(List<Donation> chunk, Instant now) {
        Set<String> newly = new HashSet<>();
        Set<String> before = new HashSet<>();
        List<Donation> toCount = new ArrayList<>();
        for (Donation d : chunk) {
            if (counted.contains(d.donationId())) {
                before.add(d.donationId());
            } else {
                toCount.add(d);
                newly.add(d.donationId());
            }
        }
        if (toCount.isEmpty()) {
            return new CountOutcome(Set.of(), before, Set.of(), null);
        }
        counted.addAll(newly);
        Deltas deltas = Deltas.of(toCount);
        deltas.users().forEach((u, delta) -> users.merge(u, new Counts(delta.countedSteps(), delta.donations()), Counts::plus));
        String id = UUID.randomUUID().toString();
        pendingDeltas.put(id, deltas);
        writes.add("count " + newly.size());
        return new CountOutcome(newly, before, Set.of(), id);
    }

    @Override
    public int foldPendingDeltas() {
        int n = pendingDeltas.size();
        for (Deltas d : pendingDeltas.values()) {
            d.regionSteps().forEach((r, s) -> regionSteps.merge(r, s, Long::sum));
            d.regionDonations().forEach((r, c) -> regionDonations.merge(r, c, Long::sum));
            Deltas.aidedSteps(campaign, d.regionSteps()).forEach((a, s) -> aidedSteps.merge(a, s, Long::sum));
        }
        pendingDeltas.clear();
        return n;
    }

    @Override
    public Set<String> pendingAmong(Set<String> deltaIds) {
        Set<String> pending = new HashSet<>(deltaIds);
        pending.retainAll(pendingDeltas.keySet());
        return pending;
    }

    @Override
    public Totals totals() {
        return new Totals(regionSteps, regionDonations, aidedSteps, generatedAt);
    }

    @Override
    public Optional<Instant> markProjectGenerated(String aidedCode, Instant at) {
        writes.add("generated " + aidedCode);
        return Optional.of(generatedAt.computeIfAbsent(aidedCode, k -> at));
    }

    @Override
    public List<Donation> donatedBefore(Instant cutoff, int limit) {
        return ledger.values().stream().filter(d -> !counted.contains(d.donationId()))
                .filter(d -> d.donatedAt().isBefore(cutoff)).limit(limit).toList();
    }

    @Override
    public <S extends Consumer<LedgerDonation>> List<S> scan(Supplier<S> sinkPerSegment) {
        List<S> sinks = List.of(sinkPerSegment.get(), sinkPerSegment.get());
        int i = 0;
        for (Donation d : ledger.values()) {
            sinks.get(i++ % 2).accept(new LedgerDonation(d, counted.contains(d.donationId())));
        }
        return sinks;
    }

    /** ProfileTotals: a second method name is not possible with the same erasure, so profiles come through this adapter. */
    ProfileTotals profiles() {
        return new ProfileTotals() {
            @Override
            public <S extends Consumer<StoredUserTotal>> List<S> scan(Supplier<S> sinkPerSegment) {
                S sink = sinkPerSegment.get();
                users.forEach((u, c) -> sink.accept(new StoredUserTotal(u, c, names.get(u))));
                return List.of(sink);
            }
        };
    }

    @Override
    public Optional<Counts> correct(Drift drift) {
        beforeCorrect.accept(drift);
        Counts now = switch (drift.scope()) {
            case REGION -> new Counts(regionSteps.getOrDefault(drift.code(), 0L), regionDonations.getOrDefault(drift.code(), 0L));
            case AIDED -> new Counts(aidedSteps.getOrDefault(drift.code(), 0L), 0);
            case USER -> users.getOrDefault(drift.code(), Counts.ZERO);
        };
        if (!now.equals(drift.stored())) {
            return Optional.of(now);
        }
        switch (drift.scope()) {
            case REGION -> {
                regionSteps.put(drift.code(), drift.ledger().steps());
                regionDonations.put(drift.code(), drift.ledger().donations());
            }
            case AIDED -> aidedSteps.put(drift.code(), drift.ledger().steps());
            case USER -> users.put(drift.code(), drift.ledger());
        }
        writes.add("correct " + drift.item());
        return Optional.empty();
    }

    @Override
    public List<LeaderboardSnapshot.TopDonor> top(int count) {
        return users.values().stream().sorted((a, b) -> Long.compare(b.steps(), a.steps())).limit(count)
                .map(c -> new LeaderboardSnapshot.TopDonor("donor", c.steps())).toList();
    }

    @Override
    public void save(LeaderboardSnapshot s) {
        if (snapshot == null || !snapshot.finalized()) {
            snapshot = s;
        }
    }

    @Override
    public boolean freeze(LeaderboardSnapshot s) {
        writes.add("freeze");
        if (snapshot != null && snapshot.finalized()) {
            return false;
        }
        snapshot = s;
        return true;
    }

    @Override
    public Optional<FinalReport> published() {
        return Optional.ofNullable(report);
    }

    @Override
    public Optional<FinalReport> publish(FinalReport r) {
        writes.add("publish");
        if (report != null) {
            return Optional.of(report);
        }
        report = r;
        return Optional.empty();
    }

    @Override
    public void markClosed(Instant at) {
        writes.add("closed");
        if (!"final".equals(status)) {
            status = "closed";
        }
    }

    @Override
    public void markFinal(Instant at) {
        if (dieBeforeMarkingFinal) {
            dieBeforeMarkingFinal = false;
            throw new IllegalStateException("the function died before marking the campaign final");
        }
        if (!"final".equals(status)) {
            writes.add("final");
            status = "final";
        }
    }

    @Override
    public long messages() {
        return queueAnswers.isEmpty() ? 0 : queueAnswers.size() == 1 ? queueAnswers.peek() : queueAnswers.poll();
    }
}
