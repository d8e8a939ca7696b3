package org.run78.domain.badge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.run78.domain.donation.Donation;

/**
 * One user's donations as the ledger holds them, in campaign-day order (at most one a day).
 * Everything a user's page and the badge rules need is derived from it, so that the same
 * ledger always gives the same answer, whatever order the events arrived in.
 */
public record DonorHistory(String userId, List<Donation> donations) {

    public DonorHistory {
        List<Donation> sorted = new ArrayList<>(donations);
        sorted.sort(Comparator.comparing(Donation::day).thenComparing(Donation::donatedAt));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).day().equals(sorted.get(i - 1).day())) {
                throw new IllegalArgumentException("two donations on " + sorted.get(i).day() + " for one user");
            }
        }
        donations = List.copyOf(sorted);
    }

    public static DonorHistory empty(String userId) {
        return new DonorHistory(userId, List.of());
    }

    public int count() {
        return donations.size();
    }

    /** The sum of counted steps (a double day's steps counted twice). */
    public long countedSteps() {
        return donations.stream().mapToLong(Donation::countedSteps).sum();
    }

    public Optional<Donation> on(LocalDate day) {
        return donations.stream().filter(d -> d.day().equals(day)).findFirst();
    }

    /** The most consecutive campaign days with a donation. */
    public int longestStreak() {
        int longest = 0;
        int run = 0;
        LocalDate previous = null;
        for (Donation d : donations) {
            run = previous != null && d.day().equals(previous.plusDays(1)) ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = d.day();
        }
        return longest;
    }

    /**
     * The run of consecutive days that is still alive on `day`: it ends on `day`, or, while `day`
     * can still be donated, on the day before (the user may yet extend it). A missed day breaks it.
     */
    public int currentStreak(LocalDate day, boolean dayStillOpen) {
        if (on(day).isEmpty() && !dayStillOpen) {
            return 0;
        }
        LocalDate end = on(day).isPresent() ? day : day.minusDays(1);
        int run = 0;
        for (LocalDate d = end; on(d).isPresent(); d = d.minusDays(1)) {
            run++;
        }
        return run;
    }
}
