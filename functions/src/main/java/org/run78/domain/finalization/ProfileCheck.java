package org.run78.domain.finalization;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

import org.run78.domain.leaderboard.LeaderboardSnapshot;
import org.run78.domain.profile.DisplayName;

/**
 * Compares the stored profiles of one scan segment with the ledger's per-user sums, and keeps
 * the segment's best donors by the ledger's totals for the final standings. The ledger sums
 * are only read here (and each user's tally marked seen by the one segment that holds that
 * user's profile), so segments may run in parallel.
 */
final class ProfileCheck implements Consumer<StoredUserTotal> {
    /** A donor of the final standings; the user id only orders equal totals the same way every run. */
    private record Candidate(String userId, String displayName, long steps) {}

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingLong(Candidate::steps).reversed()
            .thenComparing(Candidate::userId);

    private final LedgerSums ledger;
    private final int topDonors;
    private final List<Drift> drifts = new ArrayList<>();
    /** The segment's best `topDonors`, worst at the head. */
    private final PriorityQueue<Candidate> best = new PriorityQueue<>(BEST_FIRST.reversed());
    private long profiles;

    ProfileCheck(LedgerSums ledger, int topDonors) {
        this.ledger = ledger;
        this.topDonors = topDonors;
    }

    @Override
    public void accept(StoredUserTotal stored) {
        profiles++;
        Counts expected = ledger.seeProfile(stored.userId());
        if (!expected.equals(stored.counts())) {
            drifts.add(new Drift(Drift.Scope.USER, stored.userId(), stored.counts(), expected));
        }
        if (expected.steps() > 0) {
            best.add(new Candidate(stored.userId(), DisplayName.shown(stored.displayName()), expected.steps()));
            if (best.size() > topDonors) {
                best.poll();
            }
        }
    }

    /**
     * The final top donors, by the ledger's totals rather than the stored ones the leaderboard
     * reads (whose index may not show a correction yet); a donor without a profile appears under
     * the neutral default.
     */
    static List<LeaderboardSnapshot.TopDonor> topDonors(LedgerSums ledger, List<ProfileCheck> segments, int count) {
        List<Candidate> all = new ArrayList<>();
        segments.forEach(s -> all.addAll(s.best));
        for (String userId : ledger.usersWithoutProfile()) {
            all.add(new Candidate(userId, DisplayName.shown(null), ledger.user(userId).steps()));
        }
        return all.stream().sorted(BEST_FIRST).limit(count)
                .map(c -> new LeaderboardSnapshot.TopDonor(c.displayName(), c.steps())).toList();
    }

    List<Drift> drifts() {
        return drifts;
    }

    long profiles() {
        return profiles;
    }

    /** The user drifts of every segment, plus the donors whose profile holds nothing at all. */
    static List<Drift> userDrifts(LedgerSums ledger, List<ProfileCheck> segments) {
        List<Drift> all = new ArrayList<>();
        segments.forEach(s -> all.addAll(s.drifts));
        for (String userId : ledger.usersWithoutProfile()) {
            all.add(new Drift(Drift.Scope.USER, userId, Counts.ZERO, ledger.user(userId)));
        }
        return all;
    }
}
