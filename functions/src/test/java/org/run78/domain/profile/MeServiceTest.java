package org.run78.domain.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.run78.domain.badge.Ledgers.CAMPAIGN;
import static org.run78.domain.badge.Ledgers.USER;
import static org.run78.domain.badge.Ledgers.consecutiveEvenings;
import static org.run78.domain.badge.Ledgers.donation;
import static org.run78.domain.badge.Ledgers.shanghai;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.run78.domain.badge.AwardedBadge;
import org.run78.domain.badge.Ledgers;
import org.run78.domain.donation.Donation;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;

class MeServiceTest {
    final Ledgers.InMemoryLedger ledger = new Ledgers.InMemoryLedger();
    final InMemoryProfiles profiles = new InMemoryProfiles();

    static final class InMemoryProfiles implements Profiles {
        final Map<String, String> names = new HashMap<>();
        final Map<String, List<AwardedBadge>> badges = new HashMap<>();

        @Override
        public StoredProfile load(String userId) {
            return new StoredProfile(Optional.ofNullable(names.get(userId)), badges.getOrDefault(userId, List.of()));
        }

        @Override
        public void setDisplayName(String userId, String displayName, Instant at) {
            names.put(userId, displayName);
        }
    }

    MeService at(String shanghaiTime) {
        return new MeService(CAMPAIGN, ledger, profiles, Clock.fixed(shanghai(shanghaiTime), ZoneOffset.UTC));
    }

    void record(List<Donation> donations) {
        donations.forEach(ledger::record);
    }

    @Test
    void aNewUserSeesZerosNoBadgesTheDefaultNameAndTodayNotDonated() {
        MyPage page = at("2019-06-26T10:00").me(USER);
        assertEquals(0, page.totalSteps());
        assertEquals(0, page.donations());
        assertEquals(0, page.currentStreak());
        assertEquals(0, page.longestStreak());
        assertTrue(page.badges().isEmpty());
        assertEquals(DisplayName.DEFAULT, page.displayName());
        assertEquals(new MyPage.Today(LocalDate.parse("2019-06-26"), false, null), page.today());
    }

    @Test
    void afterDonatingTodayThePageShowsTheDonationAndItsRegionAtOnce() {
        ledger.record(donation(USER, shanghai("2019-06-26T09:00"), "330000", 12_000));
        MyPage page = at("2019-06-26T09:00:01").me(USER);
        assertEquals(new MyPage.Today(LocalDate.parse("2019-06-26"), true, "330000"), page.today());
        assertEquals(12_000, page.totalSteps());
        assertEquals(1, page.donations());
        assertEquals(1, page.currentStreak());
    }

    @Test
    void totalStepsCountTheDoubleDayTwice() {
        ledger.record(donation(USER, shanghai("2019-07-07T20:00"), "620000", 9_000));
        ledger.record(donation(USER, shanghai("2019-07-08T08:00"), "620000", 9_000));
        assertEquals(27_000, at("2019-07-08T09:00").me(USER).totalSteps());
    }

    @Test
    void todayIsTheShanghaiDaySoJustAfterMidnightThereYesterdaysDonationIsNotToday() {
        ledger.record(donation("2019-06-26T23:30"));
        // 00:10 on the 27th in Shanghai is still the 26th in UTC
        MyPage page = at("2019-06-27T00:10").me(USER);
        assertEquals(LocalDate.parse("2019-06-27"), page.today().day());
        assertFalse(page.today().donated());
        assertEquals(1, page.currentStreak(), "the streak stays current while the user may still donate today");
    }

    @Test
    void justAfterMidnightInShanghaiAStreakThatMissedYesterdayIsBrokenThoughUtcIsStillOnYesterday() {
        record(consecutiveEvenings("2019-06-24", 2)); // 24 (before the window, a test ledger only) and 25
        record(List.of(donation("2019-06-26T20:00")));
        // the 27th was missed; 01:00 on the 28th in Shanghai is 17:00 on the 27th in UTC
        MyPage page = at("2019-06-28T01:00").me(USER);
        assertEquals(0, page.currentStreak());
        assertEquals(3, page.longestStreak());
    }

    @Test
    void aFirstDonationOnTheCampaignsLastDayMakesAStreakOfOneThatTheEndOfTheCampaignDoesNotBreak() {
        ledger.record(donation("2019-07-08T17:59"));
        assertEquals(1, at("2019-07-08T17:59:30").me(USER).currentStreak());
        MyPage later = at("2019-07-12T10:00").me(USER);
        assertEquals(1, later.currentStreak());
        assertEquals(1, later.donations());
        assertEquals(20_000, later.totalSteps());
    }

    @Test
    void aTenDayStreakEndingOnTheLastDayStaysCurrentAfterTheCampaign() {
        record(consecutiveEvenings("2019-06-29", 10)); // 29 June to 8 July
        MyPage page = at("2019-08-01T12:00").me(USER);
        assertEquals(10, page.currentStreak());
        assertEquals(10, page.longestStreak());
    }

    @Test
    void aStreakIsBrokenByTheCampaignsLastDayMissed() {
        record(consecutiveEvenings("2019-07-06", 2)); // 6 and 7 July; 8 July missed
        MyPage page = at("2019-07-10T12:00").me(USER);
        assertEquals(0, page.currentStreak());
        assertEquals(2, page.longestStreak());
    }

    @Test
    void onceTheLastDayHasClosedAStreakThatMissedItIsBrokenThoughTheDayIsNotOver() {
        record(consecutiveEvenings("2019-07-06", 2));
        assertEquals(2, at("2019-07-08T17:00").me(USER).currentStreak(), "until 18:00 the last day can still be donated");
        assertEquals(0, at("2019-07-08T20:00").me(USER).currentStreak());
    }

    @Test
    void badgesAreShownInTheCampaignsOrderWithTheirNamesAndShanghaiTimes() {
        Instant first = shanghai("2019-06-25T20:00");
        Instant fifth = shanghai("2019-06-29T20:00");
        profiles.badges.put(USER, List.of(new AwardedBadge("five-donations", fifth), new AwardedBadge("first-donation", first)));
        List<MyPage.Badge> badges = at("2019-06-30T10:00").me(USER).badges();
        assertEquals(List.of("first-donation", "five-donations"), badges.stream().map(MyPage.Badge::id).toList());
        assertEquals("保险扶贫公益捐赠达人·首次捐步", badges.get(0).name());
        assertEquals(first, badges.get(0).awardedAt().toInstant());
        assertEquals(8 * 3600, badges.get(0).awardedAt().getOffset().getTotalSeconds());
    }

    @Test
    void renamingStoresTheTrimmedNameAndAnswersWithThePageShowingIt() {
        MyPage page = at("2019-06-26T10:00").rename(USER, "  小明  ");
        assertEquals("小明", page.displayName());
        assertEquals("小明", profiles.names.get(USER));
    }

    @Test
    void anInvalidNameIsRefusedAndNothingIsStored() {
        DomainException e = assertThrows(DomainException.class, () -> at("2019-06-26T10:00").rename(USER, "爱".repeat(21)));
        assertEquals(ErrorCode.INVALID_REQUEST, e.code());
        assertNull(profiles.names.get(USER));
        assertEquals(DisplayName.DEFAULT, at("2019-06-26T10:00").me(USER).displayName());
    }

    @Test
    void anotherUsersDonationsDoNotShowOnMyPage() {
        ledger.record(donation("u_someoneelse000000000000001", shanghai("2019-06-26T09:00"), "110000", 30_000));
        List<Donation> mine = new ArrayList<>(consecutiveEvenings("2019-06-25", 1));
        record(mine);
        MyPage page = at("2019-06-26T10:00").me(USER);
        assertEquals(10_000, page.totalSteps());
        assertFalse(page.today().donated());
    }
}
