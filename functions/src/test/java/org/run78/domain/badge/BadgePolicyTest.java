package org.run78.domain.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.run78.domain.badge.Ledgers.CAMPAIGN;
import static org.run78.domain.badge.Ledgers.consecutiveEvenings;
import static org.run78.domain.badge.Ledgers.donation;
import static org.run78.domain.badge.Ledgers.eveningsOf;
import static org.run78.domain.badge.Ledgers.history;
import static org.run78.domain.badge.Ledgers.shanghai;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.run78.domain.campaign.BadgeRule;
import org.run78.domain.donation.Donation;

class BadgePolicyTest {
    final BadgePolicy policy = new BadgePolicy(CAMPAIGN.badges());

    Map<String, Instant> earned(List<Donation> donations) {
        return policy.earned(history(donations)).stream().collect(Collectors.toMap(AwardedBadge::id, AwardedBadge::awardedAt));
    }

    @Test
    void theBadgesAndTheirRulesComeFromTheCampaignData() {
        assertEquals(List.of("first-donation", "five-donations", "ten-day-streak"),
                CAMPAIGN.badges().stream().map(BadgeRule::id).toList());
        assertEquals(List.of(1, 5, 10), CAMPAIGN.badges().stream().map(BadgeRule::count).toList());
    }

    @Test
    void noDonationEarnsNoBadge() {
        assertTrue(earned(List.of()).isEmpty());
    }

    @Test
    void theFirstDonationEarnsTheFirstDonationBadgeAtTheTimeOfThatDonation() {
        Donation first = donation("2019-06-25T06:30");
        assertEquals(Map.of("first-donation", first.donatedAt()), earned(List.of(first)));
    }

    @Test
    void fourDonationsAreNotEnoughForTheFiveDonationsBadge() {
        assertEquals(List.of("first-donation"), List.copyOf(earned(eveningsOf("2019-06-25", "2019-06-27", "2019-06-29", "2019-07-01")).keySet()));
    }

    @Test
    void theFifthDonationEarnsTheFiveDonationsBadgeEvenWithGapsBetweenThem() {
        List<Donation> five = eveningsOf("2019-06-25", "2019-06-27", "2019-06-29", "2019-07-01", "2019-07-03");
        assertEquals(five.get(4).donatedAt(), earned(five).get("five-donations"));
        assertEquals(five.get(0).donatedAt(), earned(five).get("first-donation"));
    }

    @Test
    void tenConsecutiveDaysEarnTheStreakBadgeAtTheTenthDonation() {
        List<Donation> ten = consecutiveEvenings("2019-06-25", 10);
        Map<String, Instant> badges = earned(ten);
        assertEquals(3, badges.size());
        assertEquals(ten.get(9).donatedAt(), badges.get("ten-day-streak"));
        assertEquals(shanghai("2019-07-04T20:00"), badges.get("ten-day-streak"));
    }

    @Test
    void nineConsecutiveDaysAreOneShortOfTheStreak() {
        assertTrue(!earned(consecutiveEvenings("2019-06-25", 9)).containsKey("ten-day-streak"));
    }

    @Test
    void aMissedDayBreaksTheStreakSoThirteenDonationsWithAGapEarnNoStreakBadge() {
        List<Donation> withGap = new ArrayList<>(consecutiveEvenings("2019-06-25", 7)); // 25 June to 1 July
        withGap.addAll(consecutiveEvenings("2019-07-03", 6));                            // 3 to 8 July, 2 July missed
        Map<String, Instant> badges = earned(withGap);
        assertEquals(13, withGap.size());
        assertTrue(badges.containsKey("five-donations"));
        assertTrue(!badges.containsKey("ten-day-streak"), "the 2 July gap leaves runs of 7 and 6 days");
    }

    @Test
    void aStreakAfterAGapCountsFromTheDayAfterTheGap() {
        List<Donation> donations = new ArrayList<>(eveningsOf("2019-06-25"));       // then 26 June missed
        donations.addAll(consecutiveEvenings("2019-06-27", 10));                    // 27 June to 6 July
        assertEquals(shanghai("2019-07-06T20:00"), earned(donations).get("ten-day-streak"));
    }

    @Test
    void twoDonationsMinutesApartAcrossMidnightInShanghaiAreTwoConsecutiveDaysThoughTheyShareAUtcDate() {
        Donation lateEvening = donation("2019-06-25T23:59");
        Donation justAfterMidnight = donation("2019-06-26T00:01");
        assertEquals(lateEvening.donatedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                justAfterMidnight.donatedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate());
        List<Donation> donations = new ArrayList<>(List.of(lateEvening, justAfterMidnight));
        donations.addAll(consecutiveEvenings("2019-06-27", 8));
        assertEquals(10, history(donations).longestStreak());
        assertEquals(shanghai("2019-07-04T20:00"), earned(donations).get("ten-day-streak"));
    }

    @Test
    void theDoubleDayCountsAsOneDonationAndOneDayForTheBadges() {
        List<Donation> lastFive = consecutiveEvenings("2019-07-04", 5); // ends on 8 July, the double day
        Donation doubleDay = lastFive.get(4);
        assertEquals(20_000, doubleDay.countedSteps());
        assertEquals(doubleDay.donatedAt(), earned(lastFive).get("five-donations"));
    }

    @Test
    void aFirstDonationOnTheCampaignsLastDayStillEarnsTheFirstDonationBadge() {
        Donation lastMinute = donation("2019-07-08T17:59");
        assertEquals(Map.of("first-donation", lastMinute.donatedAt()), earned(List.of(lastMinute)));
    }

    @Test
    void theBadgesDoNotDependOnTheOrderTheDonationsAreGiven() {
        List<Donation> ten = consecutiveEvenings("2019-06-26", 10);
        Map<String, Instant> inOrder = earned(ten);
        List<Donation> shuffled = new ArrayList<>(ten);
        Collections.shuffle(shuffled, new java.util.Random(78));
        Collections.swap(shuffled, 0, shuffled.indexOf(ten.get(9)));
        assertEquals(inOrder, earned(shuffled));
        assertEquals(ten.get(0).donatedAt(), inOrder.get("first-donation"));
    }

    @Test
    void aCampaignWithOtherBadgeDataAwardsByItsOwnRules() {
        BadgePolicy threeInARow = new BadgePolicy(List.of(new BadgeRule("three-days", "三连", BadgeRule.Kind.CONSECUTIVE_DAYS, 3),
                new BadgeRule("two", "两次", BadgeRule.Kind.DONATIONS, 2)));
        List<Donation> donations = consecutiveEvenings("2019-06-25", 3);
        assertEquals(List.of(new AwardedBadge("three-days", donations.get(2).donatedAt()),
                new AwardedBadge("two", donations.get(1).donatedAt())), threeInARow.earned(history(donations)));
    }
}
