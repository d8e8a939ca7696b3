package org.run78.domain.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.run78.domain.badge.Ledgers.consecutiveEvenings;
import static org.run78.domain.badge.Ledgers.donation;
import static org.run78.domain.badge.Ledgers.eveningsOf;
import static org.run78.domain.badge.Ledgers.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.run78.domain.donation.Donation;

class DonorHistoryTest {
    static LocalDate day(String d) {
        return LocalDate.parse(d);
    }

    @Test
    void aUserWhoNeverDonatedHasNoStreakAndNoSteps() {
        DonorHistory none = DonorHistory.empty(Ledgers.USER);
        assertEquals(0, none.currentStreak(day("2019-06-30"), true));
        assertEquals(0, none.longestStreak());
        assertEquals(0, none.countedSteps());
        assertEquals(0, none.count());
    }

    @Test
    void aStreakStaysCurrentThroughTodayBeforeTheUserHasDonatedToday() {
        DonorHistory h = history(consecutiveEvenings("2019-06-25", 3)); // 25, 26, 27
        assertEquals(3, h.currentStreak(day("2019-06-28"), true));
    }

    @Test
    void donatingTodayExtendsTheCurrentStreakToToday() {
        DonorHistory h = history(consecutiveEvenings("2019-06-25", 4)); // 25 to 28
        assertEquals(4, h.currentStreak(day("2019-06-28"), true));
    }

    @Test
    void aMissedDayBreaksTheCurrentStreak() {
        DonorHistory h = history(consecutiveEvenings("2019-06-25", 3)); // 25, 26, 27; 28 missed
        assertEquals(0, h.currentStreak(day("2019-06-29"), true));
        assertEquals(3, h.longestStreak());
    }

    @Test
    void onceADayCanNoLongerBeDonatedOnlyARunEndingOnItIsCurrent() {
        DonorHistory h = history(consecutiveEvenings("2019-07-06", 2)); // 6 and 7 July
        assertEquals(0, h.currentStreak(day("2019-07-08"), false));
        assertEquals(2, h.currentStreak(day("2019-07-07"), false));
    }

    @Test
    void afterAGapTheCurrentStreakCountsOnlyTheDaysSinceTheGap() {
        List<Donation> donations = new ArrayList<>(consecutiveEvenings("2019-06-25", 5)); // 25 to 29
        donations.addAll(consecutiveEvenings("2019-07-01", 2));                          // 1, 2 July; 30 June missed
        DonorHistory h = history(donations);
        assertEquals(2, h.currentStreak(day("2019-07-02"), true));
        assertEquals(2, h.currentStreak(day("2019-07-03"), true));
        assertEquals(5, h.longestStreak());
    }

    @Test
    void theLongestStreakIsTheLongestRunWhereverItLies() {
        DonorHistory h = history(eveningsOf("2019-06-25", "2019-06-27", "2019-06-28", "2019-06-29", "2019-07-01", "2019-07-02"));
        assertEquals(3, h.longestStreak());
    }

    @Test
    void totalStepsAreTheCountedStepsSoTheDoubleDayCountsTwice() {
        DonorHistory h = history(List.of(donation("2019-07-07T20:00"), donation("2019-07-08T09:00")));
        assertEquals(10_000 + 20_000, h.countedSteps());
        assertEquals(2, h.count());
    }

    @Test
    void donationsAreKeptInDayOrderWhateverOrderTheyCameIn() {
        List<Donation> backwards = new ArrayList<>(consecutiveEvenings("2019-06-25", 3));
        java.util.Collections.reverse(backwards);
        assertEquals(List.of(day("2019-06-25"), day("2019-06-26"), day("2019-06-27")),
                history(backwards).donations().stream().map(Donation::day).toList());
    }

    @Test
    void twoDonationsOnOneDayAreNotAHistoryTheLedgerCanHold() {
        assertThrows(IllegalArgumentException.class,
                () -> history(List.of(donation("2019-06-25T08:00"), donation("2019-06-25T21:00"))));
    }
}
