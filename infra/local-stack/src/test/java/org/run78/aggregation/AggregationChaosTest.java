package org.run78.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.run78.aggregation.AggregationHarness.Message;
import org.run78.app.Config;
import org.run78.app.Services;
import org.run78.domain.aggregation.Sweeper;
import org.run78.domain.donation.Donation;
import org.run78.domain.donation.DonationEvents;
import org.run78.handlers.AggregateHandler;
import org.run78.local.SharedMoto;
import org.run78.queue.SnsDonationEvents;
import org.run78.testing.FaultInjector;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;

/**
 * 2,000 donations from 500 users over four days, with 5% of every SDK call failing at random
 * (before or after it applies) on the publish, the aggregation and the sweeper. After the
 * queue drains and the sweeper has run, every total equals the ledger: nothing lost, nothing
 * counted twice.
 */
class AggregationChaosTest {
    static final int USERS = 500;
    static final int DAYS = 4;
    static final double FAULT_RATE = 0.06;

    @Test
    void withFivePercentOfCallsFailingEveryTotalStillEqualsTheLedger() {
        AggregationHarness h = new AggregationHarness();
        Random random = new Random(7_8);
        FaultInjector faults = new FaultInjector();
        Services services = Services.create(new Config(h.env),
                Clock.fixed(Instant.parse("2019-07-01T04:00:00Z"), ZoneOffset.UTC), List.of(faults));
        AggregateHandler aggregate = new AggregateHandler(services);
        SqsClient sqs = SharedMoto.sqs();
        // What the donate function publishes to, and the aggregate function's queue behind it.
        String queueUrl = h.resources.queue("DonationQueue").url();
        DonationEvents publisher = new SnsDonationEvents(services.sns(), h.resources.topic("DonationTopic").arn());
        faults.failRandomly(FAULT_RATE);

        int donations = 0;
        int lostPublishes = 0;
        long recordingNanos = 0;
        long drainingNanos = 0;
        for (int day = 0; day < DAYS; day++) {
            long started = System.nanoTime();
            for (int u = 0; u < USERS; u++) {
                Donation d = AggregationHarness.donation(AggregationHarness.user(u), LocalDate.of(2019, 6, 26).plusDays(day),
                        AggregationHarness.REGIONS.get(random.nextInt(AggregationHarness.REGIONS.size())), 7_800 + random.nextInt(90_000));
                h.ledger.record(d);
                donations++;
                try {
                    publisher.publish(d);
                } catch (RuntimeException publishFailed) {
                    lostPublishes++;
                }
            }
            long recorded = System.nanoTime();
            drain(sqs, queueUrl, aggregate);
            recordingNanos += recorded - started;
            drainingNanos += System.nanoTime() - recorded;
        }
        System.out.printf("chaos: recording and publishing took %d s, draining %d s%n",
                recordingNanos / 1_000_000_000, drainingNanos / 1_000_000_000);
        Sweeper sweeper = new Sweeper(new org.run78.store.DynamoUncountedDonations(services.dynamo(), h.env.get("LEDGER_TABLE")),
                publisher, services.aggregation(), Clock.offset(Clock.systemUTC(), java.time.Duration.ofDays(3650)),
                java.time.Duration.ZERO, 5_000);
        for (int round = 0; round < 10 && !h.scan(h.env.get("LEDGER_TABLE")).stream()
                .allMatch(i -> i.containsKey("countedAt")); round++) {
            try {
                sweeper.sweep();
            } catch (RuntimeException sweepFailed) {
                // the next scheduled run sweeps again
            }
            drain(sqs, queueUrl, aggregate);
        }
        faults.off();
        services.aggregation().settle(Set.of());

        int injected = faults.injected();
        System.out.printf("chaos: donations=%d users=%d days=%d sdkCalls=%d faultsInjected=%d (%.1f%%) lostPublishes=%d%n",
                donations, USERS, DAYS, faults.calls(), injected, 100.0 * injected / faults.calls(), lostPublishes);
        assertEquals(2_000, h.ledgerDonations().size());
        assertTrue(injected >= 0.05 * faults.calls(), "at least 5% of calls failed: " + injected + "/" + faults.calls());
        assertTrue(lostPublishes > 0, "some publishes were lost, so the sweeper had work to do");
        h.assertEveryTotalEqualsTheLedger();
        System.out.println("chaos: lost=0 double=0 (every region, aided and user total equals the ledger)");
    }

    /** Lambda's event source mapping, without the waiting: batches of up to 100, failures redelivered at once. */
    private static void drain(SqsClient sqs, String queueUrl, AggregateHandler aggregate) {
        int emptyReceives = 0;
        while (emptyReceives < 2) {
            List<software.amazon.awssdk.services.sqs.model.Message> received = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                List<software.amazon.awssdk.services.sqs.model.Message> got = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                        .maxNumberOfMessages(10).visibilityTimeout(30)).messages();
                if (got.isEmpty()) {
                    break;
                }
                received.addAll(got);
            }
            if (received.isEmpty()) {
                emptyReceives++;
                continue;
            }
            emptyReceives = 0;
            List<Message> batch = received.stream().map(m -> new Message(m.messageId(), m.body())).toList();
            Set<String> failed = AggregationHarness.deliver(aggregate, batch);
            List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
            for (software.amazon.awssdk.services.sqs.model.Message m : received) {
                if (failed.contains(m.messageId())) {
                    sqs.changeMessageVisibility(c -> c.queueUrl(queueUrl).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
                } else {
                    done.add(DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build());
                }
            }
            for (int from = 0; from < done.size(); from += 10) {
                List<DeleteMessageBatchRequestEntry> tenAtMost = done.subList(from, Math.min(done.size(), from + 10));
                sqs.deleteMessageBatch(d -> d.queueUrl(queueUrl).entries(tenAtMost));
            }
        }
    }
}
