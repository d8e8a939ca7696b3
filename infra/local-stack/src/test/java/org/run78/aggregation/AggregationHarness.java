package org.run78.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.run78.app.CampaignFile;
import org.run78.app.Config;
import org.run78.app.Json;
import org.run78.app.Services;
import org.run78.domain.aggregation.Deltas;
import org.run78.domain.campaign.Campaign;
import org.run78.domain.donation.Donation;
import org.run78.domain.session.UserIds;
import org.run78.handlers.AggregateHandler;
import org.run78.local.ProvisionedResources;
import org.run78.local.SharedMoto;
import org.run78.store.DynamoDonationLedger;
import org.run78.store.Keys;

import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Drives the real aggregate handler against moto_server with SQS event JSON, and checks every
 * total against the ledger.
 */
final class AggregationHarness {
    static final Campaign CAMPAIGN = CampaignFile.load("campaigns/2019.json");
    static final List<String> REGIONS = CAMPAIGN.regions().stream().map(r -> r.code()).toList();

    final Map<String, String> env;
    final DynamoDonationLedger ledger;
    final ProvisionedResources resources;

    AggregationHarness() {
        resources = SharedMoto.resetToTemplate();
        env = SharedMoto.environmentOf("AggregateFunction");
        ledger = new DynamoDonationLedger(SharedMoto.dynamoDb(), env.get("LEDGER_TABLE"));
    }

    /** What the handlers' clock reads, unless a test gives another instant. */
    static final Instant HANDLER_NOW = Instant.parse("2019-06-30T04:00:00Z");

    AggregateHandler handler(ExecutionInterceptor... interceptors) {
        return handler(HANDLER_NOW, interceptors);
    }

    AggregateHandler handler(Instant now, ExecutionInterceptor... interceptors) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new AggregateHandler(Services.create(new Config(env), clock, List.of(interceptors)));
    }

    /** Sets a total item's steps, as if earlier donations (not in this ledger) had been counted. */
    void plantTotal(String pk, long steps) {
        SharedMoto.dynamoDb().putItem(b -> b.tableName(env.get("STATE_TABLE")).item(Map.of(
                Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(Keys.TOTAL_SK),
                "steps", AttributeValue.fromN(Long.toString(steps)))));
    }

    /** The aided region's stored generation time, or null. */
    String generatedAt(String aidedCode) {
        Map<String, AttributeValue> item = SharedMoto.dynamoDb().getItem(b -> b.tableName(env.get("STATE_TABLE"))
                .consistentRead(true).key(Map.of(Keys.PK, AttributeValue.fromS(Keys.aidedPk(aidedCode)),
                        Keys.SK, AttributeValue.fromS(Keys.TOTAL_SK)))).item();
        return item.containsKey("generatedAt") ? item.get("generatedAt").s() : null;
    }

    /** The ledger's counted steps donated to these regions. */
    long ledgerSteps(String... regions) {
        Set<String> wanted = Set.of(regions);
        return ledgerDonations().stream().filter(d -> wanted.contains(d.regionCode())).mapToLong(Donation::countedSteps).sum();
    }

    static String user(int i) {
        return UserIds.fromOpenId("openid-" + i);
    }

    static Donation donation(String userId, LocalDate day, String region, int steps) {
        long counted = CAMPAIGN.donations().countedSteps(day, steps);
        return new Donation(Donation.idFor(userId, day), userId, day, region, steps, counted,
                day.atTime(9, 0).atZone(CAMPAIGN.zone()).toInstant());
    }

    /** Records donations in the ledger, as the donate function does. */
    List<Donation> recorded(List<Donation> donations) {
        donations.forEach(ledger::record);
        return donations;
    }

    List<Donation> recordedBatch(int firstUser, int users, LocalDate day) {
        List<Donation> donations = new ArrayList<>();
        for (int i = firstUser; i < firstUser + users; i++) {
            donations.add(donation(user(i), day, REGIONS.get(i % REGIONS.size()), 7_800 + (i * 37) % 90_000));
        }
        return recorded(donations);
    }

    record Message(String messageId, String body) {}

    static List<Message> messages(List<Donation> donations) {
        return donations.stream().map(d -> new Message(UUID.randomUUID().toString(), Json.write(d))).toList();
    }

    static String sqsEvent(List<Message> messages) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (Message m : messages) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("messageId", m.messageId());
            r.put("receiptHandle", "handle-" + m.messageId());
            r.put("body", m.body());
            r.put("attributes", Map.of("ApproximateReceiveCount", "1", "SentTimestamp", "1561867200000"));
            r.put("messageAttributes", Map.of());
            r.put("md5OfBody", "");
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:DonationQueue");
            r.put("awsRegion", "us-east-1");
            records.add(r);
        }
        return Json.write(Map.of("Records", records));
    }

    /** Invokes the handler as Lambda would; returns the ids it reported failed (all of them if it threw). */
    static Set<String> deliver(AggregateHandler handler, List<Message> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(sqsEvent(messages).getBytes(StandardCharsets.UTF_8)), out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException failedInvocation) {
            Set<String> all = new TreeSet<>();
            messages.forEach(m -> all.add(m.messageId()));
            return all;
        }
        try {
            JsonNode answer = Json.parse(out.toString(StandardCharsets.UTF_8));
            Set<String> failed = new TreeSet<>();
            answer.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
            return failed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Delivers, then redelivers what failed (as SQS does after the visibility timeout) until nothing fails. */
    static int deliverUntilDone(AggregateHandler handler, List<Message> messages) {
        List<Message> pending = messages;
        int rounds = 0;
        while (!pending.isEmpty()) {
            if (++rounds > 20) {
                throw new AssertionError("still failing after 20 deliveries: " + pending.size() + " messages");
            }
            Set<String> failed = deliver(handler, pending);
            pending = pending.stream().filter(m -> failed.contains(m.messageId())).toList();
        }
        return rounds;
    }

    List<Map<String, AttributeValue>> scan(String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        SharedMoto.dynamoDb().scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(items::add);
        return items;
    }

    List<Donation> ledgerDonations() {
        return scan(env.get("LEDGER_TABLE")).stream().map(DynamoDonationLedger::fromItem).toList();
    }

    Map<String, Long> storedTotals(String prefix) {
        return storedTotals(prefix, "steps");
    }

    Map<String, Long> storedTotals(String prefix, String attribute) {
        Map<String, Long> totals = new TreeMap<>();
        for (Map<String, AttributeValue> item : scan(env.get("STATE_TABLE"))) {
            String pk = item.get(Keys.PK).s();
            if (pk.startsWith(prefix) && item.containsKey(attribute)) {
                totals.put(pk.substring(prefix.length()), Long.parseLong(item.get(attribute).n()));
            }
        }
        return totals;
    }

    Map<String, Long> storedUserSteps() {
        return storedUser("countedSteps");
    }

    Map<String, Long> storedUser(String attribute) {
        Map<String, Long> totals = new TreeMap<>();
        for (Map<String, AttributeValue> item : scan(env.get("USERS_TABLE"))) {
            if (Keys.PROFILE_SK.equals(item.get(Keys.SK).s()) && item.containsKey(attribute)) {
                totals.put(item.get(Keys.PK).s().substring("USER#".length()), Long.parseLong(item.get(attribute).n()));
            }
        }
        return totals;
    }

    /** Every total (36 regions, 22 aided, each user) equals the sum over the ledger, exactly. */
    void assertEveryTotalEqualsTheLedger() {
        List<Donation> ledger = ledgerDonations();
        Deltas expected = Deltas.of(ledger);
        Map<String, Long> expectedUsers = new TreeMap<>();
        Map<String, Long> expectedUserDonations = new TreeMap<>();
        expected.users().forEach((u, d) -> {
            expectedUsers.put(u, d.countedSteps());
            expectedUserDonations.put(u, d.donations());
        });
        assertEquals(new TreeMap<>(expected.regionSteps()), withoutZeros(storedTotals("REGION#")), "region totals");
        assertEquals(withoutZeros(expected.regionDonations()), withoutZeros(storedTotals("REGION#", "donations")),
                "region donation counts");
        assertEquals(expectedUserDonations, storedUser("donations"), "user donation counts");
        assertEquals(new TreeMap<>(Deltas.aidedSteps(CAMPAIGN, expected.regionSteps())), withoutZeros(storedTotals("AIDED#")),
                "aided totals");
        assertEquals(expectedUsers, storedUserSteps(), "user totals");
        long uncounted = scan(env.get("LEDGER_TABLE")).stream()
                .filter(i -> !i.containsKey("countedAt") || i.containsKey(Keys.UNCOUNTED_SHARD)).count();
        assertEquals(0, uncounted, "ledger items not marked counted");
        long pendingDeltas = scan(env.get("STATE_TABLE")).stream().filter(i -> Keys.DELTA_PK.equals(i.get(Keys.PK).s())).count();
        assertEquals(0, pendingDeltas, "deltas left unfolded");
    }

    static Map<String, Long> withoutZeros(Map<String, Long> totals) {
        Map<String, Long> result = new TreeMap<>();
        totals.forEach((k, v) -> {
            if (v != 0) {
                result.put(k, v);
            }
        });
        return result;
    }

    static long sum(Map<String, Long> values) {
        return values.values().stream().mapToLong(Long::longValue).sum();
    }

    static void assertNotEmpty(Map<?, ?> map) {
        assertTrue(!map.isEmpty(), "expected something to be counted");
    }

    static Map<String, Long> copy(Map<String, Long> m) {
        return new HashMap<>(m);
    }
}
