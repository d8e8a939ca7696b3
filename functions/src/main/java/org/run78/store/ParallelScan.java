package org.run78.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.run78.app.Log;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * A whole-table Scan in parallel segments (Segment/TotalSegments), one thread per segment,
 * each feeding its own sink; progress logged every `progressEvery` items. Strongly consistent:
 * it runs once per campaign, and correctness is worth the second read unit.
 */
final class ParallelScan {
    private final DynamoDbClient dynamo;
    private final int segments;
    private final long progressEvery;

    /**
     * @param segments      parallel segments (and threads); DynamoDB allows up to 1,000,000
     * @param progressEvery log a progress line after every this many items (over all segments)
     */
    ParallelScan(DynamoDbClient dynamo, int segments, long progressEvery) {
        if (segments < 1 || progressEvery < 1) {
            throw new IllegalArgumentException("segments and progressEvery must be positive");
        }
        this.dynamo = dynamo;
        this.segments = segments;
        this.progressEvery = progressEvery;
    }

    <S> List<S> run(String table, UnaryOperator<ScanRequest.Builder> request, Supplier<S> sinkPerSegment,
                    BiConsumer<S, Map<String, AttributeValue>> feed) {
        long started = System.nanoTime();
        AtomicLong items = new AtomicLong();
        AtomicLong pages = new AtomicLong();
        AtomicInteger threadNumber = new AtomicInteger();
        List<S> sinks = new ArrayList<>();
        for (int i = 0; i < segments; i++) {
            sinks.add(sinkPerSegment.get());
        }
        Log.info("scan.started", "table", table, "segments", segments);
        ExecutorService pool = Executors.newFixedThreadPool(segments, task -> {
            Thread thread = new Thread(task, "scan-" + table + "-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < segments; i++) {
                int segment = i;
                S sink = sinks.get(i);
                running.add(pool.submit(() -> {
                    dynamo.scanPaginator(request.apply(ScanRequest.builder().tableName(table)
                                    .segment(segment).totalSegments(segments).consistentRead(true)).build())
                            .forEach(page -> {
                                pages.incrementAndGet();
                                for (Map<String, AttributeValue> item : page.items()) {
                                    feed.accept(sink, item);
                                    long n = items.incrementAndGet();
                                    if (n % progressEvery == 0) {
                                        Log.info("scan.progress", "table", table, "items", n, "pages", pages.get(),
                                                "elapsedMs", (System.nanoTime() - started) / 1_000_000);
                                    }
                                }
                            });
                    return null;
                }));
            }
            for (Future<?> segment : running) {
                segment.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException("scan of " + table + " failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scanning " + table, e);
        } finally {
            pool.shutdownNow();
        }
        long ms = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        Log.info("scan.done", "table", table, "items", items.get(), "pages", pages.get(), "segments", segments,
                "elapsedMs", ms, "itemsPerSecond", items.get() * 1000 / ms);
        return sinks;
    }
}
