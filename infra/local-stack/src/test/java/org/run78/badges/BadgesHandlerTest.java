package org.run78.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.run78.app.Config;
import org.run78.app.Json;
import org.run78.app.Services;
import org.run78.domain.badge.AwardedBadge;
import org.run78.domain.donation.Donation;
import org.run78.handlers.BadgesHandler;
import org.run78.local.ProvisionedResources;
import org.run78.local.SharedMoto;
import org.run78.store.DynamoBadges;
import org.run78.store.DynamoDonationLedger;

/**
 * The badges function as Lambda runs it: SQS event JSON in, `batchItemFailures` out, against
 * moto_server's tables. Redelivery, duplicates and events out of order award each badge once,
 * with an `awardedAt` that no re-evaluation changes.
 */
class BadgesHandlerTest {
    static final String ALICE = "u_alice00000000000000000000001";
    static final String BOB = "u_bob0000000000000000000000001";

    BadgesHandler handler;
    DynamoDonationLedger ledger;
    DynamoBadges badges;

    @BeforeEach
    void freshTables() {
        ProvisionedResources resources = SharedMoto.resetToTemplate();
        Services services = Services.create(new Config(SharedMoto.environmentOf("BadgesFunction")),
                Clock.fixed(Instant.parse("2019-07-09T00:00:00Z"), ZoneOffset.UTC));
        handler = new BadgesHandler(services);
        ledger = new DynamoDonationLedger(SharedMoto.dynamoDb(), resources.table("LedgerTable").name());
        badges = new DynamoBadges(SharedMoto.dynamoDb(), resources.table("UsersTable").name());
    }

    /** A donation at 20:00 Shanghai time on the day, recorded in the ledger as the donate path does. */
    Donation donate(String userId, String day) {
        LocalDate d = LocalDate.parse(day);
        Donation donation = new Donation(Donation.idFor(userId, d), userId, d, "620000", 10_000, 10_000,
                OffsetDateTime.parse(day + "T20:00:00+08:00").toInstant());
        ledger.record(donation);
        return donation;
    }

    List<Donation> donateOnConsecutiveDays(String userId, String first, int days) {
        List<Donation> list = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            list.add(donate(userId, LocalDate.parse(first).plusDays(i).toString()));
        }
        return list;
    }

    record Message(String messageId, String body, int receiveCount) {
        static Message of(Donation d) {
            return new Message(UUID.randomUUID().toString(), Json.write(d), 1);
        }

        Message redelivered() {
            return new Message(messageId, body, receiveCount + 1);
        }
    }

    /** Invokes the handler with the SQS event Lambda would send; returns the ids it reported as failed. */
    Set<String> deliver(Message... messages) throws IOException {
        ObjectNode event = Json.MAPPER.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message m : messages) {
            ObjectNode r = records.addObject();
            r.put("messageId", m.messageId());
            r.put("receiptHandle", "rh-" + m.messageId());
            r.put("body", m.body());
            ObjectNode attributes = r.putObject("attributes");
            attributes.put("ApproximateReceiveCount", String.valueOf(m.receiveCount()));
            attributes.put("SentTimestamp", "1561464000000");
            r.putObject("messageAttributes");
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:BadgeQueue");
            r.put("awsRegion", "us-east-1");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.toString().getBytes(StandardCharsets.UTF_8)), out, null);
        JsonNode answer = Json.parse(out.toString(StandardCharsets.UTF_8));
        Set<String> failed = new TreeSet<>();
        answer.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
        assertTrue(answer.has("batchItemFailures"), "the answer is a partial-batch response: " + answer);
        return failed;
    }

    Map<String, Instant> held(String userId) {
        return badges.of(userId).stream().collect(Collectors.toMap(AwardedBadge::id, AwardedBadge::awardedAt,
                (a, b) -> a, LinkedHashMap::new));
    }

    @Test
    void aFirstDonationEventAwardsTheFirstDonationBadgeAtTheDonationsTime() throws IOException {
        Donation first = donate(ALICE, "2019-06-25");
        assertEquals(Set.of(), deliver(Message.of(first)));
        assertEquals(Map.of("first-donation", first.donatedAt()), held(ALICE));
    }

    @Test
    void aRedeliveredEventAwardsNothingNewAndLeavesAwardedAtAsItWas() throws IOException {
        Donation first = donate(ALICE, "2019-06-25");
        Message message = Message.of(first);
        deliver(message);
        Map<String, Instant> before = held(ALICE);
        assertEquals(Set.of(), deliver(message.redelivered()));
        assertEquals(Set.of(), deliver(message.redelivered().redelivered()));
        assertEquals(before, held(ALICE));
        assertEquals(1, badges.of(ALICE).size());
    }

    @Test
    void theSameDonationTwiceInOneBatchAwardsOnce() throws IOException {
        List<Donation> five = donateOnConsecutiveDays(ALICE, "2019-06-25", 5);
        Message last = Message.of(five.get(4));
        Message duplicate = new Message(UUID.randomUUID().toString(), last.body(), 1); // a re-sent copy has its own id
        assertEquals(Set.of(), deliver(last, duplicate));
        assertEquals(Map.of("first-donation", five.get(0).donatedAt(), "five-donations", five.get(4).donatedAt()), held(ALICE));
    }

    @Test
    void eventsOutOfOrderGiveTheSameBadgesAsEventsInOrder() throws IOException {
        List<Donation> days = donateOnConsecutiveDays(ALICE, "2019-06-25", 10);
        List<Donation> inOrder = donateOnConsecutiveDays(BOB, "2019-06-25", 10);
        for (int i = days.size() - 1; i >= 0; i--) {   // Alice's: day 10 first, then backwards
            deliver(Message.of(days.get(i)));
        }
        for (Donation d : inOrder) {                   // Bob's: in order
            deliver(Message.of(d));
        }
        Map<String, Instant> alice = held(ALICE);
        assertEquals(Map.of("first-donation", days.get(0).donatedAt(), "five-donations", days.get(4).donatedAt(),
                "ten-day-streak", days.get(9).donatedAt()), alice);
        Map<String, Instant> bobShifted = held(BOB);
        assertEquals(alice.keySet(), bobShifted.keySet());
        assertEquals(alice, bobShifted, "same days, same times, same badges whatever the order");
    }

    @Test
    void day3sEventBeforeDay2sIsEvaluatedOnTheLedgerAndDay2sLateEventChangesNothing() throws IOException {
        Donation day1 = donate(ALICE, "2019-06-25");
        Donation day2 = donate(ALICE, "2019-06-26");
        Donation day3 = donate(ALICE, "2019-06-27");
        deliver(Message.of(day3));
        Map<String, Instant> afterDay3 = held(ALICE);
        deliver(Message.of(day2));
        deliver(Message.of(day1));
        assertEquals(Map.of("first-donation", day1.donatedAt()), afterDay3);
        assertEquals(afterDay3, held(ALICE));
    }

    @Test
    void aReEvaluationAfterLaterDonationsNeverMovesAnEarlierAwardedAt() throws IOException {
        List<Donation> days = donateOnConsecutiveDays(ALICE, "2019-06-25", 5);
        deliver(Message.of(days.get(4)));
        Map<String, Instant> afterFive = held(ALICE);
        List<Donation> more = donateOnConsecutiveDays(ALICE, "2019-06-30", 5);
        deliver(Message.of(days.get(0)), Message.of(more.get(4)));
        Map<String, Instant> afterTen = held(ALICE);
        assertEquals(afterFive.get("first-donation"), afterTen.get("first-donation"));
        assertEquals(afterFive.get("five-donations"), afterTen.get("five-donations"));
        assertEquals(more.get(4).donatedAt(), afterTen.get("ten-day-streak"));
    }

    @Test
    void aDonorWhoSkipsADayDoesNotGetTheStreakBadge() throws IOException {
        List<Donation> days = donateOnConsecutiveDays(ALICE, "2019-06-25", 7);  // 25 June to 1 July
        days.addAll(donateOnConsecutiveDays(ALICE, "2019-07-03", 6));           // 3 to 8 July; 2 July skipped
        for (Donation d : days) {
            deliver(Message.of(d));
        }
        assertEquals(Set.of("first-donation", "five-donations"), held(ALICE).keySet());
    }

    @Test
    void anUnreadableMessageIsReportedAsFailedAndTheRestOfTheBatchIsEvaluated() throws IOException {
        Donation first = donate(ALICE, "2019-06-25");
        Message poison = new Message("poison-1", "{not json", 1);
        Message noUser = new Message("poison-2", "{\"day\":\"2019-06-25\"}", 1);
        Message good = Message.of(first);
        assertEquals(new TreeSet<>(Set.of("poison-1", "poison-2")), deliver(poison, good, noUser));
        assertEquals(Map.of("first-donation", first.donatedAt()), held(ALICE));
    }

    @Test
    void anEventForADonationTheLedgerDoesNotHoldIsReportedAsFailedAndAwardsNothing() throws IOException {
        Donation recorded = donate(BOB, "2019-06-25");
        LocalDate day = LocalDate.parse("2019-06-25");
        Donation forged = new Donation(Donation.idFor(ALICE, day), ALICE, day, "620000", 10_000, 10_000,
                Instant.parse("2019-06-25T12:00:00Z"));
        Message bogus = Message.of(forged);
        Message bobs = Message.of(recorded);
        assertEquals(Set.of(bogus.messageId()), deliver(bogus, bobs));
        assertTrue(badges.of(ALICE).isEmpty());
        assertEquals(1, badges.of(BOB).size());
    }

    @Test
    void anEmptyBatchReportsNoFailures() throws IOException {
        assertEquals(Set.of(), deliver());
    }
}
