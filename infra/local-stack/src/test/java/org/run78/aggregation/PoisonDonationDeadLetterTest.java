package org.run78.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.run78.testing.MiniProgram.require;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.run78.app.Json;
import org.run78.domain.donation.Donation;
import org.run78.local.AwsClients;
import org.run78.local.Eventually;
import org.run78.local.LocalStack;
import org.run78.local.SharedLocalStack;
import org.run78.testing.MiniProgram;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The donation queue as deployed (its RedrivePolicy, the aggregate function's event source
 * mapping with ReportBatchItemFailures) on the local stack: a poison message ends in the
 * dead-letter queue while the donations around it are counted.
 */
class PoisonDonationDeadLetterTest {

    @Test
    void aPoisonMessageLandsInTheDeadLetterQueueWithoutHoldingUpTheDonationsAroundIt() throws Exception {
        LocalStack stack = SharedLocalStack.reset();
        MiniProgram app = new MiniProgram(stack);
        app.clockAt("2019-06-26T09:00:00+08:00");
        SqsClient sqs = AwsClients.sqs(stack.motoEndpoint());
        String queue = stack.resources().queue("DonationQueue").url();
        String deadLetters = stack.resources().queue("DonationDeadLetterQueue").url();
        // The template's 182 s visibility and 5 receives, shortened so the test takes seconds; the redrive is the template's.
        String redrive = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                .attributes().get(QueueAttributeName.REDRIVE_POLICY);
        JsonNode policy = Json.parse(redrive);
        assertEquals(5, policy.get("maxReceiveCount").asInt(), "the template's redrive policy: " + redrive);
        ((ObjectNode) policy).put("maxReceiveCount", 2);
        sqs.setQueueAttributes(b -> b.queueUrl(queue).attributes(Map.of(
                QueueAttributeName.VISIBILITY_TIMEOUT, "1", QueueAttributeName.REDRIVE_POLICY, policy.toString())));

        // A receive already waiting took the old timeout with it: let a donation be counted first.
        String before = app.logIn("before-poison");
        require(app.donate("before-poison", before, "330000", 10_000), 201);
        Eventually.await("the first donation counted", Duration.ofSeconds(60), () -> regionSteps(app, "330000") == 10_000);

        // A donation message the ledger does not hold: it can never count. And one that is not JSON.
        Donation forged = new Donation("forged-donation", "u_forged", LocalDate.of(2019, 6, 26), "330000",
                50_000, 50_000, Instant.parse("2019-06-26T01:00:00Z"));
        String poison = Json.write(forged);
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody(poison));
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("{not even json"));
        String after = app.logIn("after-poison");
        require(app.donate("after-poison", after, "330000", 12_000), 201);

        Eventually.await("the donation after the poison counted", Duration.ofSeconds(60), () ->
                regionSteps(app, "330000") == 22_000);
        Set<String> dead = new HashSet<>();
        Eventually.await("both poison messages in the dead-letter queue", Duration.ofSeconds(60), () -> {
            sqs.receiveMessage(b -> b.queueUrl(deadLetters).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()
                    .forEach(m -> dead.add(m.body()));
            return dead.size() >= 2;
        });
        assertEquals(Set.of(poison, "{not even json"), dead, "the forged donation and the unreadable message, nothing else");
        assertEquals(22_000, regionSteps(app, "330000"), "the forged 50,000 steps never counted");
    }

    private static long regionSteps(MiniProgram app, String code) {
        for (JsonNode region : require(app.leaderboard(), 200).body().get("regions")) {
            if (region.get("code").asText().equals(code)) {
                return region.get("steps").asLong();
            }
        }
        throw new AssertionError("no region " + code);
    }
}
