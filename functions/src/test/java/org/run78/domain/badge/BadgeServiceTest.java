package org.run78.domain.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.run78.domain.badge.Ledgers.CAMPAIGN;
import static org.run78.domain.badge.Ledgers.USER;
import static org.run78.domain.badge.Ledgers.consecutiveEvenings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.run78.domain.donation.Donation;

class BadgeServiceTest {
    final Ledgers.InMemoryLedger ledger = new Ledgers.InMemoryLedger();
    final Ledgers.InMemoryBadges badges = new Ledgers.InMemoryBadges();
    final BadgeService service = new BadgeService(new BadgePolicy(CAMPAIGN.badges()), ledger, badges);

    List<AwardedBadge> evaluate(Donation event) {
        return service.evaluate(event.userId(), Set.of(event.day()));
    }

    @Test
    void evaluatingTheSameEventTwiceAwardsEachBadgeOnce() {
        Donation first = consecutiveEvenings("2019-06-25", 1).get(0);
        ledger.record(first);
        assertEquals(List.of(new AwardedBadge("first-donation", first.donatedAt())), evaluate(first));
        assertEquals(List.of(), evaluate(first));
        assertEquals(Map.of("first-donation", first.donatedAt()), badges.held(USER));
    }

    @Test
    void aReEvaluationWritesNothingForBadgesAlreadyHeld() {
        List<Donation> five = consecutiveEvenings("2019-06-25", 5);
        five.forEach(ledger::record);
        evaluate(five.get(4));
        int writes = badges.writes;
        evaluate(five.get(4));
        evaluate(five.get(2));
        assertEquals(writes, badges.writes);
    }

    @Test
    void eventsEvaluatedOutOfOrderGiveTheSameBadgesAtTheSameTimes() {
        List<Donation> ten = consecutiveEvenings("2019-06-25", 10);
        ten.forEach(ledger::record);
        // the last day's event first, then the others backwards
        for (int i = ten.size() - 1; i >= 0; i--) {
            evaluate(ten.get(i));
        }
        assertEquals(Map.of("first-donation", ten.get(0).donatedAt(),
                "five-donations", ten.get(4).donatedAt(),
                "ten-day-streak", ten.get(9).donatedAt()), badges.held(USER));
    }

    @Test
    void aLateEventForAnEarlierDayDoesNotMoveAnAwardedAt() {
        List<Donation> days = consecutiveEvenings("2019-06-25", 3);
        ledger.record(days.get(0)).record(days.get(1));
        evaluate(days.get(1)); // day 2's event before day 1's
        Instant awarded = badges.held(USER).get("first-donation");
        ledger.record(days.get(2));
        evaluate(days.get(0));
        evaluate(days.get(2));
        assertEquals(days.get(0).donatedAt(), awarded);
        assertEquals(awarded, badges.held(USER).get("first-donation"));
    }

    @Test
    void aBadgeAlreadyWrittenByARacingEvaluationIsNotReportedAsAwardedAgain() {
        Donation first = consecutiveEvenings("2019-06-25", 1).get(0);
        ledger.record(first);
        AwardedBadges racing = new AwardedBadges() {
            @Override
            public List<AwardedBadge> of(String userId) {
                return List.of(); // read before the other evaluation wrote
            }

            @Override
            public boolean award(String userId, AwardedBadge badge) {
                return badges.award(userId, badge);
            }
        };
        badges.award(USER, new AwardedBadge("first-donation", first.donatedAt()));
        assertEquals(List.of(), new BadgeService(new BadgePolicy(CAMPAIGN.badges()), ledger, racing).evaluate(USER, Set.of(first.day())));
    }

    @Test
    void anEventForADonationTheLedgerDoesNotHoldFailsAndAwardsNothing() {
        assertThrows(BadgeService.DonationNotInLedger.class, () -> service.evaluate(USER, Set.of(LocalDate.parse("2019-06-25"))));
        assertTrue(badges.held(USER).isEmpty());
    }
}
