package org.run78.domain.finalization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.run78.domain.aggregation.Deltas;
import org.run78.domain.campaign.Campaign;
import org.run78.domain.donation.Donation;

/**
 * What the ledger sums to: per region, per user, and overall. One instance per scan segment
 * (it is not thread-safe), then merged. Users are kept as small mutable tallies, about 200
 * bytes each, so a million donors fit in a few hundred MB.
 */
public final class LedgerSums implements Consumer<LedgerDonation> {
    private final Map<String, Tally> regions = new TreeMap<>();
    private final Map<String, Tally> users = new HashMap<>();
    private final List<Donation> uncounted = new ArrayList<>();
    private long donations;
    private long countedSteps;

    /** A running sum; `profileSeen` is set by the profile check (one profile per user, so one thread per tally). */
    static final class Tally {
        long steps;
        long donations;
        boolean profileSeen;

        void add(long moreSteps, long moreDonations) {
            steps += moreSteps;
            donations += moreDonations;
        }

        Counts counts() {
            return new Counts(steps, donations);
        }
    }

    public static LedgerSums of(Collection<Donation> donations) {
        LedgerSums sums = new LedgerSums();
        donations.forEach(sums::add);
        return sums;
    }

    /** Merges segment sums into one. */
    public static LedgerSums merged(Collection<LedgerSums> parts) {
        LedgerSums total = new LedgerSums();
        parts.forEach(total::merge);
        return total;
    }

    @Override
    public void accept(LedgerDonation entry) {
        add(entry.donation());
        if (!entry.counted()) {
            uncounted.add(entry.donation());
        }
    }

    public void add(Donation d) {
        regions.computeIfAbsent(d.regionCode(), k -> new Tally()).add(d.countedSteps(), 1);
        users.computeIfAbsent(d.userId(), k -> new Tally()).add(d.countedSteps(), 1);
        donations++;
        countedSteps += d.countedSteps();
    }

    public void merge(LedgerSums other) {
        other.regions.forEach((code, t) -> regions.computeIfAbsent(code, k -> new Tally()).add(t.steps, t.donations));
        other.users.forEach((id, t) -> users.computeIfAbsent(id, k -> new Tally()).add(t.steps, t.donations));
        uncounted.addAll(other.uncounted);
        donations += other.donations;
        countedSteps += other.countedSteps;
    }

    public long donations() {
        return donations;
    }

    public long donors() {
        return users.size();
    }

    public long countedSteps() {
        return countedSteps;
    }

    /** Donations the ledger holds without `countedAt`: they must go through the counting path. */
    public List<Donation> uncounted() {
        return List.copyOf(uncounted);
    }

    public Counts region(String code) {
        Tally t = regions.get(code);
        return t == null ? Counts.ZERO : t.counts();
    }

    /** Each region's own counted steps (regions with none are absent). */
    public Map<String, Long> regionSteps() {
        Map<String, Long> steps = new TreeMap<>();
        regions.forEach((code, t) -> steps.put(code, t.steps));
        return steps;
    }

    /** Each aided total: its own steps plus its helper's. */
    public Map<String, Long> aidedSteps(Campaign campaign) {
        return Deltas.aidedSteps(campaign, regionSteps());
    }

    public Counts user(String userId) {
        Tally t = users.get(userId);
        return t == null ? Counts.ZERO : t.counts();
    }

    /** The ledger's totals for a user whose profile the check has now seen (zero for a user with no donation). */
    Counts seeProfile(String userId) {
        Tally t = users.get(userId);
        if (t == null) {
            return Counts.ZERO;
        }
        t.profileSeen = true;
        return t.counts();
    }

    /** Users with donations whose profile the check did not see. */
    List<String> usersWithoutProfile() {
        List<String> missing = new ArrayList<>();
        users.forEach((id, t) -> {
            if (!t.profileSeen) {
                missing.add(id);
            }
        });
        missing.sort(null);
        return missing;
    }
}
