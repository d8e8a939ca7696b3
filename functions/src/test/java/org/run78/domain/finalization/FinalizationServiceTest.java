package org.run78.domain.finalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.run78.app.CampaignFile;
import org.run78.domain.campaign.Campaign;
import org.run78.domain.donation.Donation;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;

class FinalizationServiceTest {
    static final Campaign CAMPAIGN = CampaignFile.load("campaigns/2019.json");
    static final Instant END = Instant.parse("2019-07-08T10:00:00Z");
    static final FinalizationService.Settings SETTINGS = new FinalizationService.Settings(
            Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));

    final InMemoryCampaignStore store = new InMemoryCampaignStore(CAMPAIGN);
    final List<String> journal = new ArrayList<>();

    FinalizationService finalizer(Instant now) {
        return new FinalizationService(CAMPAIGN, store.ports(List::of, journal), SETTINGS, Clock.fixed(now, ZoneOffset.UTC));
    }

    static Donation donation(String user, int day, String region, int steps) {
        LocalDate d = LocalDate.of(2019, 6, day);
        return new Donation(Donation.idFor(user, d), user, d, region, steps, steps, d.atTime(9, 0).atZone(CAMPAIGN.zone()).toInstant());
    }

    @Test
    void theCampaignEndsAt18InShanghaiOnItsLastDay() {
        assertEquals(END, CAMPAIGN.endsAt());
    }

    @Test
    void aRunBeforeTheEndIsRefusedAndWritesNothing() {
        DomainException e = assertThrows(DomainException.class, () -> finalizer(END.minusMillis(1)).run());
        assertEquals(ErrorCode.CAMPAIGN_NOT_ENDED, e.code());
        assertEquals(List.of(), store.writes);
        assertEquals(null, store.status);
    }

    @Test
    void aSecondRunReturnsThePublishedReportUnchangedAndWritesNothing() {
        store.countedDonation(donation("u1", 26, "330000", 10_000));
        FinalizationService.Outcome first = finalizer(END.plusSeconds(60)).run();
        assertTrue(first.publishedNow());
        store.writes.clear();
        FinalizationService.Outcome second = finalizer(END.plusSeconds(3_600)).run();
        assertFalse(second.publishedNow());
        assertSame(first.report(), second.report());
        assertEquals(List.of(), store.writes);
        assertEquals("final", store.status);
    }

    @Test
    void aRunThatDiedAfterPublishingIsMarkedFinalByTheNextRun() {
        store.countedDonation(donation("u1", 26, "330000", 10_000));
        store.dieBeforeMarkingFinal = true;
        assertThrows(IllegalStateException.class, () -> finalizer(END.plusSeconds(60)).run());
        assertEquals("closed", store.status);

        FinalizationService.Outcome again = finalizer(END.plusSeconds(120)).run();

        assertFalse(again.publishedNow(), "the report published before is the one answered");
        assertEquals("final", store.status);
    }

    @Test
    void justAfterTheEndItWaitsTheInFlightGraceThenFinalizes() {
        FinalizationService.Outcome outcome = finalizer(END.plusSeconds(5)).run();
        // A fixed clock never reaches end + grace: the wait is bounded by the grace itself.
        assertEquals(Duration.ofSeconds(15), store.sleeps.stream().reduce(Duration.ZERO, Duration::plus));
        assertTrue(outcome.publishedNow());
        assertTrue(journal.indexOf("finalize.closed") < journal.indexOf("finalize.queue_drained"));
    }

    @Test
    void theQueueWaitIsBoundedAndTheReportSaysWhatWasLeft() {
        store.queueAnswers.addAll(List.of(7L, 5L, 3L));
        FinalizationService.Outcome outcome = finalizer(END.plusSeconds(60)).run();
        assertEquals(new FinalizationService.Drain(false, 3, Duration.ofSeconds(10)), outcome.drain());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(2)), store.sleeps);
        assertFalse(outcome.report().reconciliation().queueDrained());
        assertEquals(3, outcome.report().reconciliation().queueMessagesLeft());
        assertTrue(journal.contains("finalize.queue_not_drained"));
    }

    @Test
    void aQueueThatEmptiesEndsTheWaitAtOnce() {
        store.queueAnswers.addAll(List.of(4L, 0L));
        FinalizationService.Outcome outcome = finalizer(END.plusSeconds(60)).run();
        assertEquals(new FinalizationService.Drain(true, 0, Duration.ofSeconds(2)), outcome.drain());
    }

    @Test
    void uncountedDonationsAreCountedThroughTheAggregationBeforeTheLedgerIsSummed() {
        store.countedDonation(donation("u1", 26, "330000", 10_000));
        Donation late = donation("u2", 27, "620000", 9_000);
        store.ledger.put(late.donationId(), late); // recorded, never published
        FinalizationService.Outcome outcome = finalizer(END.plusSeconds(60)).run();
        assertEquals(1, outcome.countedNow());
        assertTrue(store.counted.contains(late.donationId()));
        assertEquals(19_000L, store.aidedSteps.get("620000"), "counted once, through the deltas, not by a correction");
        assertEquals(List.of(), outcome.corrections());
        assertEquals(new FinalReport.Totals(2, 2, 19_000), outcome.report().totals());
    }

    @Test
    void driftIsSetToTheLedgersValueAndEachCorrectionIsJournaled() {
        store.countedDonation(donation("u1", 26, "330000", 10_000));
        store.countedDonation(donation("u2", 26, "620000", 9_000));
        store.regionSteps.put("330000", 4_000L);                   // a lost increment
        store.users.put("u2", new Counts(18_000, 2));               // a doubled one
        store.aidedSteps.put("620000", 28_000L);                    // and doubled in the aided total
        FinalizationService.Outcome outcome = finalizer(END.plusSeconds(60)).run();
        assertEquals(List.of(
                new Drift(Drift.Scope.REGION, "330000", new Counts(4_000, 1), new Counts(10_000, 1)),
                new Drift(Drift.Scope.AIDED, "620000", new Counts(28_000, 0), new Counts(19_000, 0)),
                new Drift(Drift.Scope.USER, "u2", new Counts(18_000, 2), new Counts(9_000, 1))), outcome.corrections());
        assertEquals(3, journal.stream().filter("finalize.corrected"::equals).count());
        assertEquals(10_000L, store.regionSteps.get("330000"));
        assertEquals(19_000L, store.aidedSteps.get("620000"));
        assertEquals(new Counts(9_000, 1), store.users.get("u2"));
        assertEquals(3, outcome.report().reconciliation().corrections());
    }

    @Test
    void aCorrectionThatLosesToAConcurrentChangeIsDecidedAgainOnTheValueFound() {
        store.countedDonation(donation("u1", 26, "330000", 10_000));
        store.regionSteps.put("330000", 4_000L);
        store.beforeCorrect = drift -> {
            if (drift.stored().steps() == 4_000) {
                store.regionSteps.put("330000", 6_000L); // someone else wrote in between
            }
        };
        FinalizationService.Outcome outcome = finalizer(END.plusSeconds(60)).run();
        assertEquals(List.of(new Drift(Drift.Scope.REGION, "330000", new Counts(6_000, 1), new Counts(10_000, 1))),
                outcome.corrections(), "the correction logged is the one written, from the value it replaced");
        assertEquals(10_000L, store.regionSteps.get("330000"));
    }

    @Test
    void aCorrectionAlreadyMadeByAConcurrentRunIsNotMadeAgain() {
        store.countedDonation(donation("u1", 26, "330000", 10_000));
        store.regionSteps.put("330000", 4_000L);
        store.beforeCorrect = drift -> store.regionSteps.put("330000", 10_000L);
        assertEquals(List.of(), finalizer(END.plusSeconds(60)).run().corrections());
    }

    @Test
    void aReachedTargetGetsItsGenerationTimeAndTheStandingsAreFrozenFinal() {
        for (int i = 0; i < 790; i++) {
            store.countedDonation(donation("u" + i, 26, "620000", 98_800));
        }
        Instant at = END.plusSeconds(60);
        FinalizationService.Outcome outcome = finalizer(at).run();
        assertEquals(List.of("620000"), outcome.projectsMarkedGenerated());
        assertTrue(store.writes.contains("generated 620000"));
        assertTrue(store.snapshot.finalized());
        assertEquals(Map.of("620000", at), store.snapshot.projectsGeneratedAt());
        assertTrue(outcome.report().aided().get(0).projectGenerated());
        store.save(new org.run78.domain.leaderboard.LeaderboardSnapshot(at.plusSeconds(1), Map.of(), Map.of(), List.of(), false));
        assertTrue(store.snapshot.finalized(), "a later aggregation cannot unfreeze it");
    }

    @Test
    void whenAConcurrentRunPublishedFirstItsReportIsTheAnswer() {
        FinalReport theirs = finalizer(END.plusSeconds(30)).run().report();
        store.writes.clear();
        InMemoryCampaignStore sameStore = store;
        // The second run had read "no report" before the first published: simulated by publishing in between.
        FinalReport ours = new FinalizationService(CAMPAIGN, new FinalizationService.Ports(
                sameStore.ports(List::of, journal).aggregation(), sameStore, sameStore, sameStore, sameStore.profiles(), sameStore,
                sameStore, new FinalReports() {
                    @Override
                    public java.util.Optional<FinalReport> published() {
                        return java.util.Optional.empty();
                    }

                    @Override
                    public java.util.Optional<FinalReport> publish(FinalReport report) {
                        return sameStore.publish(report);
                    }
                }, sameStore, sameStore, List::of, (e, kv) -> {}, d -> {}), SETTINGS,
                Clock.fixed(END.plusSeconds(90), ZoneOffset.UTC)).run().report();
        assertSame(theirs, ours);
    }

    @Test
    void aClockSetBackBeforeTheEndDuringTheGraceStopsTheRunBeforeItPublishes() {
        Instant[] now = {END.plusSeconds(1)};
        Clock movable = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        FinalizationService.Ports ports = store.ports(List::of, journal);
        FinalizationService.Ports settingBack = new FinalizationService.Ports(ports.aggregation(), ports.counter(),
                ports.uncounted(), ports.ledger(), ports.profiles(), ports.corrector(), ports.standings(),
                ports.reports(), ports.status(), ports.queue(), ports.claims(), ports.journal(),
                d -> now[0] = END.minusSeconds(3_600)); // a simulated clock set back, as the local stack's can be
        DomainException e = assertThrows(DomainException.class,
                () -> new FinalizationService(CAMPAIGN, settingBack, SETTINGS, movable).run());
        assertEquals(ErrorCode.CAMPAIGN_NOT_ENDED, e.code());
        assertEquals(null, store.report);
        assertFalse(store.writes.contains("publish"));
    }
}
