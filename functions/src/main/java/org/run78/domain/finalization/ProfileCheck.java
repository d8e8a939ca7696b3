package org.run78.domain.finalization;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Compares the stored profiles of one scan segment with the ledger's per-user sums. The
 * ledger sums are only read here (and each user's tally marked seen by the one segment that
 * holds that user's profile), so segments may run in parallel.
 */
final class ProfileCheck implements Consumer<StoredUserTotal> {
    private final LedgerSums ledger;
    private final List<Drift> drifts = new ArrayList<>();
    private long profiles;

    ProfileCheck(LedgerSums ledger) {
        this.ledger = ledger;
    }

    @Override
    public void accept(StoredUserTotal stored) {
        profiles++;
        Counts expected = ledger.seeProfile(stored.userId());
        if (!expected.equals(stored.counts())) {
            drifts.add(new Drift(Drift.Scope.USER, stored.userId(), stored.counts(), expected));
        }
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
