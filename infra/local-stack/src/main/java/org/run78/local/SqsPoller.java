package org.run78.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.run78.app.Json;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * What Lambda's SQS event source mapping does: receive a batch, invoke, delete what succeeded.
 * Failed messages are left alone: they come back after the queue's visibility timeout, and
 * moto's own redrive moves them to the dead-letter queue after maxReceiveCount receives.
 */
final class SqsPoller implements AutoCloseable {
    private static final int LONG_POLL_SECONDS = 1; // short, so that close() and reset() return soon

    private final SqsEventSource source;
    private final LocalFunction function;
    private final SqsClient sqs;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    SqsPoller(SqsEventSource source, LocalFunction function, SqsClient sqs) {
        this.source = source;
        this.function = function;
        this.sqs = sqs;
    }

    void start() {
        running = true;
        for (int i = 1; i <= source.concurrency(); i++) {
            Thread thread = new Thread(this::pollWhileRunning, "sqs-" + source.functionName() + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void pollWhileRunning() {
        String lastProblem = null;
        while (running) {
            try {
                pollOnce();
                lastProblem = null;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (!problem.equals(lastProblem)) { // say it once, not every second
                    System.out.println("[" + source.functionName() + "] SQS poll of " + source.queue().name()
                            + " failed, retrying: " + problem);
                    lastProblem = problem;
                }
                sleep(1000);
            }
        }
    }

    /** Receives one batch (long-polling a little while for the first message), invokes, settles. */
    int pollOnce() {
        List<Message> batch = receiveBatch();
        if (!batch.isEmpty()) {
            settle(batch, function.invoke(event(batch).toString().getBytes(StandardCharsets.UTF_8)));
        }
        return batch.size();
    }

    private List<Message> receiveBatch() {
        List<Message> batch = new ArrayList<>();
        long windowEnds = 0;
        while (batch.size() < source.batchSize()) {
            int waitSeconds = LONG_POLL_SECONDS;
            if (!batch.isEmpty()) {
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(windowEnds - System.nanoTime());
                if (source.batchingWindowSeconds() == 0 || remainingMillis <= 0) {
                    break;
                }
                waitSeconds = (int) Math.min(LONG_POLL_SECONDS, remainingMillis / 1000);
            }
            int wanted = Math.min(10, source.batchSize() - batch.size());
            int wait = waitSeconds;
            List<Message> received = sqs.receiveMessage(r -> r.queueUrl(source.queue().url())
                    .maxNumberOfMessages(wanted)
                    .waitTimeSeconds(wait)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All")).messages();
            if (batch.isEmpty()) {
                if (received.isEmpty()) {
                    return batch;
                }
                windowEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(source.batchingWindowSeconds());
            } else if (received.isEmpty() && wait == 0) {
                sleep(100); // the window is nearly over; don't spin on short polls
            }
            batch.addAll(received);
        }
        return batch;
    }

    private ObjectNode event(List<Message> batch) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : batch) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributesAsStrings().forEach(attributes::put);
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            message.messageAttributes().forEach((name, value) -> messageAttributes.set(name, attribute(value)));
            record.put("md5OfBody", message.md5OfBody());
            if (message.md5OfMessageAttributes() != null) {
                record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
            }
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", source.queue().arn());
            record.put("awsRegion", Intrinsics.REGION);
        }
        return event;
    }

    private static ObjectNode attribute(MessageAttributeValue value) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        if (value.stringValue() != null) {
            node.put("stringValue", value.stringValue());
        }
        if (value.binaryValue() != null) {
            node.put("binaryValue", value.binaryValue().asByteArray());
        }
        ArrayNode strings = node.putArray("stringListValues");
        value.stringListValues().forEach(strings::add);
        ArrayNode binaries = node.putArray("binaryListValues");
        value.binaryListValues().stream().map(SdkBytes::asByteArray).forEach(binaries::add);
        node.put("dataType", value.dataType());
        return node;
    }

    private void settle(List<Message> batch, LocalFunction.Invocation invocation) {
        String label = "[" + source.functionName() + "] SQS batch of " + batch.size() + " from " + source.queue().name();
        if (invocation.failed()) {
            System.out.println(label + ": the function failed, so the whole batch comes back after the visibility timeout");
            return;
        }
        List<Message> done = batch;
        if (source.reportBatchItemFailures()) {
            Set<String> failed = failedIds(batch, invocation.output());
            if (failed == null) {
                System.out.println(label + ": the response is not a valid batchItemFailures answer, so the whole "
                        + "batch failed: " + new String(invocation.output(), StandardCharsets.UTF_8));
                return;
            }
            done = batch.stream().filter(m -> !failed.contains(m.messageId())).toList();
            if (!failed.isEmpty()) {
                System.out.println(label + ": " + failed.size() + " reported failed, they come back after the "
                        + "visibility timeout");
            }
        }
        delete(done);
    }

    /** The ids the function reported as failed; null when Lambda would call the whole batch failed. */
    private static Set<String> failedIds(List<Message> batch, byte[] output) {
        String text = new String(output, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return Set.of();
        }
        JsonNode response;
        try {
            response = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (response.isNull()) {
            return Set.of();
        }
        if (!response.isObject()) {
            return null;
        }
        JsonNode failures = response.get("batchItemFailures");
        if (failures == null || failures.isNull()) {
            return Set.of();
        }
        if (!failures.isArray()) {
            return null;
        }
        Set<String> inBatch = new HashSet<>();
        batch.forEach(m -> inBatch.add(m.messageId()));
        Set<String> failed = new HashSet<>();
        for (JsonNode failure : failures) {
            JsonNode id = failure.get("itemIdentifier");
            if (id == null || !id.isTextual() || !inBatch.contains(id.asText())) {
                return null;
            }
            failed.add(id.asText());
        }
        return failed;
    }

    private void delete(List<Message> messages) {
        for (int from = 0; from < messages.size(); from += 10) {
            List<Message> chunk = messages.subList(from, Math.min(messages.size(), from + 10));
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                entries.add(DeleteMessageBatchRequestEntry.builder()
                        .id(String.valueOf(i)).receiptHandle(chunk.get(i).receiptHandle()).build());
            }
            DeleteMessageBatchResponse response = sqs.deleteMessageBatch(r -> r.queueUrl(source.queue().url()).entries(entries));
            if (response.hasFailed() && !response.failed().isEmpty()) {
                System.out.println("[" + source.functionName() + "] could not delete " + response.failed().size()
                        + " processed messages (they will be delivered again): " + response.failed());
            }
        }
    }

    String describe() {
        return "SQS " + source.queue().name() + " -> " + source.functionName() + " (batch " + source.batchSize()
                + ", window " + source.batchingWindowSeconds() + " s"
                + (source.reportBatchItemFailures() ? ", ReportBatchItemFailures" : "") + ")";
    }

    /** Asks the threads to stop after their current poll, without waiting (so several pollers stop together). */
    void stop() {
        running = false;
    }

    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(LONG_POLL_SECONDS + 10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
