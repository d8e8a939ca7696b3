package org.run78.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.run78.local.testhandlers.RecordingSqsHandler;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The poller against moto, with queues whose visibility timeout is one second. */
class SqsPollerTest {
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = TestStacks.start("sqs.yaml");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static void send(String queue, String body) {
        SharedMoto.sqs().sendMessage(r -> r.queueUrl(stack.resources().queue(queue).url()).messageBody(body));
    }

    @Test
    void with_partial_batch_failures_only_the_failed_messages_come_back() {
        String ok1 = unique("ok");
        String ok2 = unique("ok");
        String failing = unique("fail");
        send("WorkQueue", ok1);
        send("WorkQueue", ok2);
        send("WorkQueue", failing);

        // Twice back means at least two visibility timeouts passed: time enough for the others to come back too.
        Eventually.await("the failed message delivered three times",
                () -> RecordingSqsHandler.deliveriesOf(failing) >= 3);
        assertEquals(1, RecordingSqsHandler.deliveriesOf(ok1));
        assertEquals(1, RecordingSqsHandler.deliveriesOf(ok2));
    }

    @Test
    void a_message_that_always_fails_ends_in_the_dead_letter_queue_after_max_receive_count() {
        String poison = unique("fail-poison");
        send("WorkQueue", poison);

        String deadLetters = stack.resources().queue("WorkDeadLetterQueue").url();
        Message dead = Eventually.value("the poison message in the DLQ", () -> SharedMoto.sqs()
                .receiveMessage(r -> r.queueUrl(deadLetters).waitTimeSeconds(1).maxNumberOfMessages(10)).messages()
                .stream().filter(m -> m.body().equals(poison)).findFirst().orElse(null));
        assertEquals(poison, dead.body());
        assertEquals(3, RecordingSqsHandler.deliveriesOf(poison), "maxReceiveCount is 3");
    }

    @Test
    void a_handler_that_throws_gets_its_whole_batch_back() {
        String thrower = unique("throw");
        send("ThrowQueue", thrower);
        Eventually.await("the message of a failed invocation delivered again",
                () -> RecordingSqsHandler.deliveriesOf(thrower) >= 2);
    }

    @Test
    void without_report_batch_item_failures_a_successful_batch_is_deleted_whole() {
        String reportedFailed = unique("fail-ignored");
        String marker = unique("ok-after");
        send("PlainQueue", reportedFailed);
        Eventually.await("the message delivered", () -> RecordingSqsHandler.deliveriesOf(reportedFailed) >= 1);
        send("PlainQueue", marker);
        Eventually.await("a later message delivered", () -> RecordingSqsHandler.deliveriesOf(marker) >= 1);
        awaitQueueEmpty("PlainQueue");
        assertEquals(1, RecordingSqsHandler.deliveriesOf(reportedFailed),
                "the function's batchItemFailures answer is ignored without ReportBatchItemFailures");
    }

    @Test
    void the_event_has_lambdas_sqs_record_shape() {
        String body = unique("ok-shape");
        String url = stack.resources().queue("WorkQueue").url();
        SharedMoto.sqs().sendMessage(r -> r.queueUrl(url).messageBody(body).messageAttributes(Map.of(
                "kind", MessageAttributeValue.builder().dataType("String").stringValue("donation").build())));
        JsonNode record = Eventually.value("the record of that message", () -> RecordingSqsHandler.EVENTS.stream()
                .flatMap(e -> java.util.stream.StreamSupport.stream(e.path("Records").spliterator(), false))
                .filter(r -> r.path("body").asText().equals(body)).findFirst().orElse(null));
        for (String field : List.of("messageId", "receiptHandle", "body", "attributes", "messageAttributes",
                "md5OfBody", "eventSource", "eventSourceARN", "awsRegion")) {
            assertTrue(record.has(field), field);
        }
        for (String attribute : List.of("ApproximateReceiveCount", "SentTimestamp", "SenderId",
                "ApproximateFirstReceiveTimestamp")) {
            assertTrue(record.path("attributes").has(attribute), attribute);
        }
        assertEquals("1", record.at("/attributes/ApproximateReceiveCount").asText());
        assertEquals("donation", record.at("/messageAttributes/kind/stringValue").asText());
        assertEquals("String", record.at("/messageAttributes/kind/dataType").asText());
        assertEquals("aws:sqs", record.get("eventSource").asText());
        assertEquals(stack.resources().queue("WorkQueue").arn(), record.get("eventSourceARN").asText());
        assertEquals("us-east-1", record.get("awsRegion").asText());
    }

    @Test
    void a_batch_holds_several_messages_up_to_the_batch_size() {
        List<String> bodies = java.util.stream.IntStream.range(0, 8).mapToObj(i -> unique("ok-batch")).toList();
        String url = stack.resources().queue("PlainQueue").url();
        SharedMoto.sqs().sendMessageBatch(r -> r.queueUrl(url).entries(java.util.stream.IntStream.range(0, bodies.size())
                .mapToObj(i -> software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry.builder()
                        .id(String.valueOf(i)).messageBody(bodies.get(i)).build()).toList()));
        Eventually.await("every message delivered", () -> bodies.stream().allMatch(b -> RecordingSqsHandler.deliveriesOf(b) >= 1));
        int largest = RecordingSqsHandler.EVENTS.stream()
                .filter(e -> bodies.contains(e.at("/Records/0/body").asText()))
                .mapToInt(e -> e.path("Records").size()).max().orElse(0);
        assertTrue(largest > 1 && largest <= 5, "batches of up to BatchSize 5, got a largest of " + largest);
    }

    private static void awaitQueueEmpty(String queue) {
        String url = stack.resources().queue(queue).url();
        Eventually.await(queue + " empty", () -> {
            Map<String, String> a = SharedMoto.sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributesAsStrings();
            return a.values().stream().allMatch("0"::equals);
        });
    }
}
