package org.run78.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.run78.aggregation.AggregationHarness.deliver;
import static org.run78.aggregation.AggregationHarness.deliverUntilDone;
import static org.run78.aggregation.AggregationHarness.messages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.run78.aggregation.AggregationHarness.Message;
import org.run78.app.Json;
import org.run78.domain.donation.Donation;
import org.run78.handlers.AggregateHandler;
import org.run78.testing.FaultInjector;

class ExactlyOnceAggregationTest {
    static final LocalDate DAY1 = LocalDate.of(2019, 6, 26);
    AggregationHarness h;

    @BeforeEach
    void cleanState() {
        h = new AggregationHarness();
    }

    @Test
    void theSameBatchDeliveredTwiceCountsOnce() {
        List<Message> batch = messages(h.recordedBatch(0, 20, DAY1));
        AggregateHandler handler = h.handler();
        assertEquals(Set.of(), deliver(handler, batch));
        assertEquals(Set.of(), deliver(handler, batch));
        h.assertEveryTotalEqualsTheLedger();
        assertEquals(20, h.storedUserSteps().size());
    }

    @Test
    void aMessageDuplicatedInOneBatchCountsOnce() {
        List<Donation> donations = h.recordedBatch(0, 5, DAY1);
        List<Message> batch = new ArrayList<>(messages(donations));
        batch.add(new Message("duplicate-message", Json.write(donations.get(0))));
        assertEquals(Set.of(), deliver(h.handler(), batch));
        h.assertEveryTotalEqualsTheLedger();
    }

    @Test
    void aRepublishedDonationWithANewMessageIdCountsOnce() {
        List<Donation> donations = h.recordedBatch(0, 3, DAY1);
        AggregateHandler handler = h.handler();
        deliver(handler, messages(donations));
        assertEquals(Set.of(), deliver(handler, messages(donations)), "already counted is success, not failure");
        h.assertEveryTotalEqualsTheLedger();
    }

    @Test
    void messagesOutOfOrderGiveTheSameTotals() {
        String user = AggregationHarness.user(1);
        Donation day3 = AggregationHarness.donation(user, DAY1.plusDays(2), "330000", 12_000);
        Donation day2 = AggregationHarness.donation(user, DAY1.plusDays(1), "620000", 9_000);
        Donation day1 = AggregationHarness.donation(user, DAY1, "110000", 8_000);
        h.recorded(List.of(day1, day2, day3));
        AggregateHandler handler = h.handler();
        deliver(handler, messages(List.of(day3)));
        deliver(handler, messages(List.of(day1, day3)));
        deliver(handler, messages(List.of(day2)));
        h.assertEveryTotalEqualsTheLedger();
        assertEquals(29_000L, h.storedUserSteps().get(user));
        assertEquals(29_000L, h.storedTotals("AIDED#").get("620000") + h.storedTotals("AIDED#").get("530000"));
    }

    @Test
    void aFailedChunkIsReportedAsAPartialBatchFailureAndCountedWhenRetried() {
        // 60 distinct users make two chunks; the first chunk's write fails, the second's succeeds.
        List<Donation> donations = h.recordedBatch(0, 60, DAY1);
        List<Message> batch = messages(donations);
        FaultInjector faults = new FaultInjector();
        AggregateHandler handler = h.handler(faults);
        faults.failCall(1, FaultInjector.When.BEFORE_SENDING);
        Set<String> failed = deliver(handler, batch);
        assertTrue(!failed.isEmpty() && failed.size() < batch.size(), "some but not all messages failed: " + failed.size());
        List<Message> retry = batch.stream().filter(m -> failed.contains(m.messageId())).toList();
        assertEquals(Set.of(), deliver(handler, retry));
        h.assertEveryTotalEqualsTheLedger();
    }

    @Test
    void poisonMessagesAreReportedWithoutHoldingUpTheRest() {
        List<Donation> good = h.recordedBatch(0, 4, DAY1);
        Donation neverRecorded = AggregationHarness.donation(AggregationHarness.user(99), DAY1, "330000", 9_999);
        Donation recorded = h.recordedBatch(50, 1, DAY1).get(0);
        Donation tampered = new Donation(recorded.donationId(), recorded.userId(), recorded.day(), recorded.regionCode(),
                recorded.steps(), recorded.countedSteps() * 10, recorded.donatedAt());
        List<Message> batch = new ArrayList<>(messages(good));
        batch.add(new Message("not-json", "{this is not json"));
        batch.add(new Message("not-in-ledger", Json.write(neverRecorded)));
        batch.add(new Message("not-as-the-ledger-says", Json.write(tampered)));
        assertEquals(Set.of("not-json", "not-in-ledger", "not-as-the-ledger-says"), deliver(h.handler(), batch));
        // The recorded donation itself is still counted once its true message arrives.
        assertEquals(Set.of(), deliver(h.handler(), messages(List.of(recorded))));
        h.assertEveryTotalEqualsTheLedger();
    }

    @Test
    void failingAtEveryCallBeforeItIsSentLosesNothingAndDoublesNothing() {
        failAtEveryCall(FaultInjector.When.BEFORE_SENDING);
    }

    @Test
    void failingAtEveryCallAfterItWasAppliedLosesNothingAndDoublesNothing() {
        failAtEveryCall(FaultInjector.When.AFTER_APPLIED);
    }

    @Test
    void aProjectIsGeneratedOnceAtTheMomentItsAidedTotalReachesTheTargetWhicheverCallFails() {
        for (FaultInjector.When when : FaultInjector.When.values()) {
            int calls = Integer.MAX_VALUE;
            for (int k = 1; k <= calls; k++) {
                h = new AggregationHarness();
                // Gansu's earlier days, counted already: 10,000 steps short of its target.
                long target = AggregationHarness.CAMPAIGN.aidedTargetSteps();
                h.plantTotal("REGION#330000", target - 10_000);
                h.plantTotal("AIDED#620000", target - 10_000);
                List<Donation> crossing = h.recorded(List.of(
                        AggregationHarness.donation(AggregationHarness.user(1), DAY1, "330000", 8_000),
                        AggregationHarness.donation(AggregationHarness.user(2), DAY1, "620000", 9_000)));
                List<Message> batch = messages(crossing);
                FaultInjector faults = new FaultInjector();
                AggregateHandler handler = h.handler(faults);
                faults.failCall(k, when);
                Set<String> failed = deliver(handler, batch);
                if (k == 1) {
                    calls = faults.calls();
                }
                faults.off();
                deliverUntilDone(handler, batch.stream().filter(m -> failed.contains(m.messageId())).toList());
                String generatedAt = h.generatedAt("620000");
                assertEquals(AggregationHarness.HANDLER_NOW.toString(), generatedAt, when + " at call " + k);

                // Redelivered, and later donations counted by a later invocation: the time stays.
                deliver(h.handler(Instant.parse("2019-07-01T04:00:00Z")), batch);
                deliver(h.handler(Instant.parse("2019-07-01T04:00:00Z")), messages(h.recordedBatch(10, 3, DAY1.plusDays(1))));
                assertEquals(generatedAt, h.generatedAt("620000"), when + " at call " + k);
                assertEquals(target - 10_000 + h.ledgerSteps("620000", "330000"), h.storedTotals("AIDED#").get("620000"),
                        "the aided total: the planted steps and the ledger's own and helper's");
            }
            assertTrue(calls > 5, "an invocation that generates makes several calls: " + calls);
        }
    }

    private void failAtEveryCall(FaultInjector.When when) {
        FaultInjector counting = new FaultInjector();
        deliverUntilDone(h.handler(counting), messages(h.recordedBatch(0, 6, DAY1)));
        int callsPerInvocation = counting.calls();
        assertTrue(callsPerInvocation > 5, "an invocation makes several calls: " + callsPerInvocation);
        for (int k = 1; k <= callsPerInvocation; k++) {
            FaultInjector faults = new FaultInjector();
            AggregateHandler handler = h.handler(faults);
            List<Message> batch = messages(h.recordedBatch(1_000 * k, 6, DAY1.plusDays(k % 10)));
            faults.failCall(k, when);
            Set<String> failed = deliver(handler, batch);
            assertEquals(1, faults.injected(), "call " + k + " failed");
            faults.off();
            List<Message> again = batch.stream().filter(m -> failed.contains(m.messageId())).toList();
            deliverUntilDone(handler, again);
            // Lambda may also redeliver a batch that did succeed: nothing changes.
            deliver(handler, batch);
            h.assertEveryTotalEqualsTheLedger();
        }
    }
}
