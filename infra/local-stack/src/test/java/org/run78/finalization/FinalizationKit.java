package org.run78.finalization;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
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
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

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
import org.run78.local.SharedMoto;
import org.run78.store.DynamoDonationLedger;
import org.run78.store.Keys;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The finalizer's functions on moto, as the template configures them (FinalizeFunction's
 * environment), with waits shortened for tests; donations recorded and counted as the donate
 * and aggregate functions do; tables read whole.
 */
final class FinalizationKit {
    static final Campaign CAMPAIGN = CampaignFile.load("campaigns/2019.json");
    static final Instant END = CAMPAIGN.endsAt();
    static final List<String> REGIONS = CAMPAIGN.regions().stream().map(r -> r.code()).toList();

    final Map<String, String> env;
    final DynamoDbClient dynamo = SharedMoto.dynamoDb();
    final DynamoDonationLedger ledger;

    FinalizationKit() {
        this(Map.of());
    }

    FinalizationKit(Map<String, String> overrides) {
        SharedMoto.resetToTemplate();
        Map<String, String> e = new HashMap<>(SharedMoto.environmentOf("FinalizeFunction"));
        e.put("FINALIZE_IN_FLIGHT_GRACE", "PT0S");
        e.put("FINALIZE_DRAIN_WAIT", "PT2S");
        e.put("FINALIZE_DRAIN_POLL", "PT0.2S");
        e.put("FINALIZE_SCAN_SEGMENTS", "4");
        e.put("FINALIZE_PROGRESS_EVERY", "25");
        e.putAll(overrides);
        env = Map.copyOf(e);
        ledger = new DynamoDonationLedger(dynamo, env.get("LEDGER_TABLE"));
    }

    /** The finalize function's parts, on a clock fixed at that instant. */
    Services services(Instant now) {
        return Services.create(new Config(env), Clock.fixed(now, ZoneOffset.UTC));
    }

    static String user(int i) {
        return UserIds.fromOpenId("finalize-openid-" + i);
    }

    static Donation donation(String userId, LocalDate day, String region, int steps) {
        return new Donation(Donation.idFor(userId, day), userId, day, region, steps, CAMPAIGN.donations().countedSteps(day, steps),
                day.atTime(9, 0).atZone(CAMPAIGN.zone()).toInstant());
    }

    /** `users` donors, each on `days` days from 2019-07-05 (the 8th is the double day), across all regions. */
    List<Donation> recorded(int users, int days) {
        List<Donation> donations = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (int d = 0; d < days; d++) {
                donations.add(donation(user(u), LocalDate.of(2019, 7, 5).plusDays(d),
                        REGIONS.get((u * 7 + d) % REGIONS.size()), 7_800 + (u * 131 + d * 17) % 90_000));
            }
        }
        donations.forEach(ledger::record);
        return donations;
    }

    /** Counts donations as the aggregate function does, on a clock during the campaign. */
    void counted(List<Donation> donations) {
        services(END.minusSeconds(3_600)).aggregation().aggregate(donations);
    }

    /** Delivers the donations' messages to the aggregate function as SQS would (new message ids). */
    JsonNode deliverToAggregate(List<Donation> donations, Instant now) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (Donation d : donations) {
            Map<String, Object> r = new LinkedHashMap<>();
            String id = UUID.randomUUID().toString();
            r.put("messageId", id);
            r.put("receiptHandle", "handle-" + id);
            r.put("body", Json.write(d));
            r.put("attributes", Map.of("ApproximateReceiveCount", "1", "SentTimestamp", "1562580000000"));
            r.put("messageAttributes", Map.of());
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:DonationQueue");
            r.put("awsRegion", "us-east-1");
            records.add(r);
        }
        AggregateHandler handler = new AggregateHandler(Services.create(
                new Config(SharedMoto.environmentOf("AggregateFunction")), Clock.fixed(now, ZoneOffset.UTC)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(Json.write(Map.of("Records", records)).getBytes(StandardCharsets.UTF_8)),
                    out, null);
            return Json.parse(out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Map<String, AttributeValue>> scan(String tableVariable) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.scanPaginator(b -> b.tableName(env.get(tableVariable)).consistentRead(true)).items().forEach(items::add);
        items.sort((a, b) -> (a.get(Keys.PK).s() + "|" + a.get(Keys.SK).s()).compareTo(b.get(Keys.PK).s() + "|" + b.get(Keys.SK).s()));
        return items;
    }

    /** Every table the finalizer could write, whole: equal snapshots mean nothing was written in between. */
    Map<String, List<Map<String, AttributeValue>>> everything() {
        Map<String, List<Map<String, AttributeValue>>> all = new TreeMap<>();
        for (String table : List.of("LEDGER_TABLE", "USERS_TABLE", "STATE_TABLE", "COMPANIES_TABLE")) {
            all.put(table, scan(table));
        }
        return all;
    }

    Map<String, AttributeValue> item(String tableVariable, String pk, String sk) {
        return dynamo.getItem(g -> g.tableName(env.get(tableVariable)).consistentRead(true)
                .key(Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk)))).item();
    }

    void set(String tableVariable, String pk, String sk, String attribute, long value) {
        dynamo.updateItem(u -> u.tableName(env.get(tableVariable))
                .key(Map.of(Keys.PK, AttributeValue.fromS(pk), Keys.SK, AttributeValue.fromS(sk)))
                .updateExpression("SET #a = :v")
                .expressionAttributeNames(Map.of("#a", attribute))
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(value)))));
    }

    long number(String tableVariable, String pk, String sk, String attribute) {
        Map<String, AttributeValue> item = item(tableVariable, pk, sk);
        return item.containsKey(attribute) ? Long.parseLong(item.get(attribute).n()) : 0L;
    }

    /** The ledger as it stands, read whole. */
    List<Donation> ledgerDonations() {
        return scan("LEDGER_TABLE").stream().map(DynamoDonationLedger::fromItem).toList();
    }

    /** What every total must be: the sums over the ledger. */
    Deltas ledgerSums() {
        return Deltas.of(ledgerDonations());
    }

    Map<String, Long> stored(String prefix) {
        return stored(prefix, "steps");
    }

    /** A number of every total item under the prefix, by code; zeros and absent values left out. */
    Map<String, Long> stored(String prefix, String attribute) {
        Map<String, Long> totals = new TreeMap<>();
        for (Map<String, AttributeValue> item : scan("STATE_TABLE")) {
            String pk = item.get(Keys.PK).s();
            if (pk.startsWith(prefix) && item.containsKey(attribute) && Long.parseLong(item.get(attribute).n()) != 0) {
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
        for (Map<String, AttributeValue> item : scan("USERS_TABLE")) {
            if (Keys.PROFILE_SK.equals(item.get(Keys.SK).s()) && item.containsKey(attribute)) {
                totals.put(item.get(Keys.PK).s().substring("USER#".length()), Long.parseLong(item.get(attribute).n()));
            }
        }
        return totals;
    }

    /** Runs the supplier with stdout captured (and still shown); returns its result and the JSON log lines. */
    static <T> Captured<T> capturingLogs(Supplier<T> action) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream tee = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                buffer.write(b);
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                buffer.write(b, off, len);
                original.write(b, off, len);
            }
        }, true, StandardCharsets.UTF_8);
        System.setOut(tee);
        T result;
        try {
            result = action.get();
        } finally {
            System.out.flush();
            System.setOut(original);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : buffer.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{")) {
                try {
                    lines.add(Json.parse(line));
                } catch (IOException notJson) {
                    // another writer's line
                }
            }
        }
        return new Captured<>(result, lines);
    }

    record Captured<T>(T result, List<JsonNode> logs) {
        List<JsonNode> events(String message) {
            return logs.stream().filter(l -> message.equals(l.path("message").asText())).toList();
        }
    }
}
