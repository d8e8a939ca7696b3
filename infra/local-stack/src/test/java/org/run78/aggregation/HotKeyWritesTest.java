package org.run78.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.run78.app.Config;
import org.run78.app.Services;
import org.run78.handlers.AggregateHandler;
import org.run78.handlers.LeaderboardHandler;
import org.run78.store.Keys;
import org.run78.testing.CallRecorder;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Measures how often the shared items (region totals, aided totals, the snapshot) are written
 * per donation at the template's batch size, and how many reads a leaderboard request costs.
 */
class HotKeyWritesTest {

    @Test
    void atTheTemplatesBatchSizeSharedItemsAreWrittenFarLessThanOncePerDonation() {
        int[] batchSizes = {10, 100, 500};
        double atTemplateBatch = 0;
        for (int batchSize : batchSizes) {
            AggregationHarness h = new AggregationHarness();
            CallRecorder calls = new CallRecorder();
            AggregateHandler handler = new AggregateHandler(Services.create(new Config(h.env),
                    Clock.fixed(Instant.parse("2019-06-30T04:00:00Z"), ZoneOffset.UTC), List.of(calls)));
            List<AggregationHarness.Message> batch = AggregationHarness.messages(h.recordedBatch(0, batchSize, LocalDate.of(2019, 6, 27)));
            assertEquals(0, AggregationHarness.deliver(handler, batch).size());
            long sharedWrites = sharedItemWrites(calls.requests());
            double perDonation = (double) sharedWrites / batchSize;
            System.out.printf("hot keys: batch=%d donations over %d regions -> %d shared-item writes (%.3f per donation), %d SDK calls%n",
                    batchSize, Math.min(batchSize, 36), sharedWrites, perDonation, calls.requests().size());
            h.assertEveryTotalEqualsTheLedger();
            if (batchSize == 500) {
                atTemplateBatch = perDonation;
            }
        }
        assertTrue(atTemplateBatch < 0.2, "shared-item writes per donation at batch 500: " + atTemplateBatch);
    }

    @Test
    void aLeaderboardRequestCostsAtMostOneRead() {
        org.run78.local.SharedMoto.resetToTemplate();
        CallRecorder calls = new CallRecorder();
        Map<String, String> env = org.run78.local.SharedMoto.environmentOf("LeaderboardFunction");
        LeaderboardHandler handler = new LeaderboardHandler(Services.create(new Config(env), Clock.systemUTC(), List.of(calls)));
        int requests = 200;
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            String event = "{\"version\":\"2.0\",\"routeKey\":\"GET /v1/leaderboard\",\"rawPath\":\"/v1/leaderboard\","
                    + "\"headers\":{},\"requestContext\":{\"http\":{\"method\":\"GET\",\"path\":\"/v1/leaderboard\"},\"requestId\":\"r" + i + "\"},"
                    + "\"isBase64Encoded\":false}";
            try {
                handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"statusCode\":200"));
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        long reads = calls.requests().stream().filter(r -> r instanceof GetItemRequest).count();
        System.out.printf("leaderboard: %d requests in %d ms -> %d DynamoDB reads (%.3f per request), %d calls in all%n",
                requests, elapsedMillis, reads, (double) reads / requests, calls.requests().size());
        // One GetItem of the snapshot, cached one second per container, whatever the number of users.
        assertTrue(reads >= 1 && reads <= 1 + elapsedMillis / 1000, reads + " reads in " + elapsedMillis + " ms");
        assertEquals(reads, calls.requests().size(), "nothing but the snapshot read");
    }

    /**
     * Writes to the items every donation shares: region and aided totals, the snapshot, and the
     * one `DELTA` partition that every chunk's delta is put in and every fold deletes from.
     */
    private static long sharedItemWrites(List<SdkRequest> requests) {
        long writes = 0;
        for (SdkRequest r : requests) {
            if (r instanceof TransactWriteItemsRequest t) {
                for (TransactWriteItem i : t.transactItems()) {
                    if (i.update() != null && isShared(i.update().key())
                            || i.put() != null && isShared(i.put().item())
                            || i.delete() != null && isShared(i.delete().key())) {
                        writes++;
                    }
                }
            } else if (r instanceof UpdateItemRequest u && isShared(u.key())) {
                writes++;
            } else if (r instanceof PutItemRequest p && isShared(p.item())) {
                writes++;
            }
        }
        return writes;
    }

    private static boolean isShared(Map<String, AttributeValue> key) {
        AttributeValue pk = key.get(Keys.PK);
        if (pk == null || pk.s() == null) {
            return false;
        }
        return pk.s().startsWith("REGION#") || pk.s().startsWith("AIDED#") || pk.s().equals(Keys.LEADERBOARD_PK)
                || pk.s().equals(Keys.DELTA_PK);
    }
}
