package org.run78.finalization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.run78.domain.donation.Donation;
import org.run78.domain.finalization.LedgerDonation;
import org.run78.domain.finalization.LedgerSums;
import org.run78.local.SharedMoto;
import org.run78.store.DynamoLedgerScan;
import org.run78.store.Keys;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The reconciliation's ledger scan on moto with a few thousand donations: each one reaches
 * exactly one segment, progress is logged, and the rate is measured (moto's rate, printed for
 * docs/finalization.md; it says nothing of DynamoDB's).
 */
class LedgerScanOnMotoTest {
    static final int DONATIONS = 3_000;
    static FinalizationKit kit;
    static List<Donation> written;

    @BeforeAll
    static void aLedgerOfAFewThousandDonations() {
        kit = new FinalizationKit();
        written = new ArrayList<>();
        for (int i = 0; i < DONATIONS; i++) {
            written.add(FinalizationKit.donation(FinalizationKit.user(i % 1_000), LocalDate.of(2019, 6, 25).plusDays(i / 1_000),
                    FinalizationKit.REGIONS.get(i % 36), 7_800 + i));
        }
        String table = kit.env.get("LEDGER_TABLE");
        for (int from = 0; from < written.size(); from += 25) {
            List<WriteRequest> puts = new ArrayList<>();
            for (Donation d : written.subList(from, Math.min(written.size(), from + 25))) {
                Map<String, AttributeValue> item = new HashMap<>();
                item.put(Keys.PK, AttributeValue.fromS(Keys.ledgerPk(d.userId())));
                item.put(Keys.SK, AttributeValue.fromS(Keys.ledgerSk(d.day())));
                item.put("donationId", AttributeValue.fromS(d.donationId()));
                item.put("userId", AttributeValue.fromS(d.userId()));
                item.put("day", AttributeValue.fromS(d.day().toString()));
                item.put("regionCode", AttributeValue.fromS(d.regionCode()));
                item.put("steps", AttributeValue.fromN(Integer.toString(d.steps())));
                item.put("countedSteps", AttributeValue.fromN(Long.toString(d.countedSteps())));
                item.put("donatedAt", AttributeValue.fromS(d.donatedAt().toString()));
                item.put("countedAt", AttributeValue.fromS("2019-07-01T00:00:00Z"));
                puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            Map<String, List<WriteRequest>> request = Map.of(table, puts);
            while (!request.isEmpty()) {
                Map<String, List<WriteRequest>> current = request;
                var response = SharedMoto.dynamoDb().batchWriteItem(b -> b.requestItems(current));
                request = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    /** A sink that keeps what it was fed and the thread that fed it. */
    static final class Recorder implements Consumer<LedgerDonation> {
        final List<String> ids = new ArrayList<>();
        final Set<String> threads = new HashSet<>();

        @Override
        public void accept(LedgerDonation d) {
            ids.add(d.donation().donationId());
            threads.add(Thread.currentThread().getName());
        }
    }

    @Test
    void everyDonationReachesExactlyOneSegmentAndEachSegmentIsFedByOneThread() {
        List<Recorder> segments = new DynamoLedgerScan(SharedMoto.dynamoDb(), kit.env.get("LEDGER_TABLE"), 4, 1_000)
                .scan(Recorder::new);
        assertEquals(4, segments.size());
        List<String> all = new ArrayList<>();
        segments.forEach(s -> all.addAll(s.ids));
        assertEquals(DONATIONS, all.size(), "none twice");
        assertEquals(written.stream().map(Donation::donationId).collect(java.util.stream.Collectors.toSet()), new HashSet<>(all),
                "none missed");
        assertTrue(segments.stream().allMatch(s -> s.threads.size() <= 1));
        assertTrue(segments.stream().filter(s -> !s.ids.isEmpty()).count() > 1, "the work is spread over segments");
    }

    @Test
    void theSegmentsSummedEqualTheLedgerAndProgressIsLoggedEveryNItems() {
        FinalizationKit.Captured<List<LedgerSums>> run = FinalizationKit.capturingLogs(() ->
                new DynamoLedgerScan(SharedMoto.dynamoDb(), kit.env.get("LEDGER_TABLE"), 4, 500).scan(LedgerSums::new));
        LedgerSums merged = LedgerSums.merged(run.result());
        LedgerSums expected = LedgerSums.of(written);
        assertEquals(expected.regionSteps(), merged.regionSteps());
        assertEquals(expected.donations(), merged.donations());
        assertEquals(expected.donors(), merged.donors());
        assertEquals(expected.countedSteps(), merged.countedSteps());
        assertEquals(List.of(), merged.uncounted());
        List<JsonNode> progress = run.events("scan.progress");
        assertEquals(DONATIONS / 500, progress.size());
        assertEquals(500, progress.get(0).get("items").asLong());
        assertEquals(DONATIONS, run.events("scan.done").get(0).get("items").asLong());
    }

    @Test
    void theScanRateOnMotoIsMeasured() {
        Map<Integer, Long> rates = new java.util.TreeMap<>();
        for (int segments : List.of(1, 4)) {
            long best = 0;
            for (int round = 0; round < 1; round++) {
                long started = System.nanoTime();
                List<LedgerSums> sums = new DynamoLedgerScan(SharedMoto.dynamoDb(), kit.env.get("LEDGER_TABLE"), segments,
                        1_000_000).scan(LedgerSums::new);
                long ms = Math.max(1, (System.nanoTime() - started) / 1_000_000);
                assertEquals(DONATIONS, LedgerSums.merged(sums).donations());
                best = Math.max(best, DONATIONS * 1000L / ms);
            }
            rates.put(segments, best);
        }
        System.out.println("MOTO LEDGER SCAN RATE (items/s, " + DONATIONS + " items) by segments: " + rates);
        assertTrue(rates.values().stream().allMatch(r -> r > 0));
    }
}
