package org.run78.store;

import static org.run78.store.Items.n;
import static org.run78.store.Items.s;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.run78.domain.aggregation.AggregationService;
import org.run78.domain.aggregation.CountOutcome;
import org.run78.domain.aggregation.Deltas;
import org.run78.domain.aggregation.DonationCounter;
import org.run78.domain.aggregation.Totals;
import org.run78.domain.campaign.Campaign;
import org.run78.domain.campaign.Region;
import org.run78.domain.donation.Donation;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Exactly-once counting on DynamoDB (docs/exactly-once.md). Counting a chunk is one
 * transaction: each ledger item gets its `countedAt` marker (conditional on not having one),
 * each user's totals are added, and the chunk's region deltas are put as one delta item. A
 * fold is another transaction: delete some delta items and add their sum to the region and
 * aided totals. So every donation reaches every total exactly once, and shared items are
 * written once per fold rather than once per donation.
 */
public final class DynamoDonationCounter implements DonationCounter {
    /** Enough to keep up with any batch rate; more only makes each fold's transaction larger. */
    private static final int MOST_DELTAS_PER_FOLD = 40;
    private static final int ATTEMPTS = 4;

    private final DynamoDbClient dynamo;
    private final Campaign campaign;
    private final String ledgerTable;
    private final String usersTable;
    private final String stateTable;
    private final int deltasPerFold;

    public DynamoDonationCounter(DynamoDbClient dynamo, Campaign campaign, String ledgerTable, String usersTable,
                                 String stateTable) {
        this.dynamo = dynamo;
        this.campaign = campaign;
        this.ledgerTable = ledgerTable;
        this.usersTable = usersTable;
        this.stateTable = stateTable;
        this.deltasPerFold = deltasPerFold(campaign);
    }

    /**
     * A fold is one transaction: a delete per delta plus an update per region and per aided
     * total, so the campaign's number of totals decides how many deltas fit.
     */
    static int deltasPerFold(Campaign campaign) {
        int totals = campaign.regions().size() + campaign.aidedRegions().size();
        int room = AggregationService.MAX_ACTIONS_PER_WRITE - totals;
        if (room < 1) {
            throw new IllegalArgumentException("the campaign's " + campaign.regions().size() + " regions and "
                    + campaign.aidedRegions().size() + " aided totals leave no room to fold a delta in one transaction of "
                    + AggregationService.MAX_ACTIONS_PER_WRITE + " actions");
        }
        return Math.min(MOST_DELTAS_PER_FOLD, room);
    }

    @Override
    public CountOutcome count(List<Donation> chunk, Instant now) {
        List<Donation> pending = new ArrayList<>(chunk);
        Set<String> alreadyCounted = new HashSet<>();
        Set<String> poison = new HashSet<>();
        for (int attempt = 1; ; attempt++) {
            if (pending.isEmpty()) {
                return new CountOutcome(Set.of(), alreadyCounted, poison, null);
            }
            String deltaId = deltaId(pending, now);
            try {
                dynamo.transactWriteItems(b -> b.transactItems(countingWrites(pending, deltaId, now)));
                Set<String> counted = pending.stream().map(Donation::donationId).collect(Collectors.toSet());
                return new CountOutcome(counted, alreadyCounted, poison, deltaId);
            } catch (TransactionCanceledException cancelled) {
                List<CancellationReason> reasons = cancelled.cancellationReasons();
                boolean conditionFailed = false;
                List<Donation> retry = new ArrayList<>();
                for (int i = 0; i < pending.size(); i++) {
                    Donation d = pending.get(i);
                    CancellationReason reason = i < reasons.size() ? reasons.get(i) : null;
                    if (reason != null && "ConditionalCheckFailed".equals(reason.code())) {
                        conditionFailed = true;
                        Map<String, AttributeValue> item = reason.hasItem() ? reason.item() : ledgerItem(d);
                        if (item != null && item.containsKey("countedAt")) {
                            alreadyCounted.add(d.donationId());
                        } else {
                            poison.add(d.donationId());
                        }
                    } else {
                        retry.add(d);
                    }
                }
                if (!conditionFailed && attempt >= ATTEMPTS) {
                    throw cancelled;
                }
                pending.clear();
                pending.addAll(retry);
            }
        }
    }

    private Map<String, AttributeValue> ledgerItem(Donation d) {
        var response = dynamo.getItem(g -> g.tableName(ledgerTable).consistentRead(true)
                .key(Map.of(Keys.PK, s(Keys.ledgerPk(d.userId())), Keys.SK, s(Keys.ledgerSk(d.day())))));
        return response.hasItem() ? response.item() : null;
    }

    private List<TransactWriteItem> countingWrites(List<Donation> donations, String deltaId, Instant now) {
        List<TransactWriteItem> writes = new ArrayList<>();
        for (Donation d : donations) {
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(ledgerTable)
                    .key(Map.of(Keys.PK, s(Keys.ledgerPk(d.userId())), Keys.SK, s(Keys.ledgerSk(d.day()))))
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(countedAt)"
                            + " AND regionCode = :region AND countedSteps = :counted")
                    .updateExpression("SET countedAt = :now REMOVE " + Keys.UNCOUNTED_SHARD)
                    .expressionAttributeValues(Map.of(":region", s(d.regionCode()), ":counted", n(d.countedSteps()),
                            ":now", s(now.toString())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build());
        }
        Deltas deltas = Deltas.of(donations);
        deltas.users().forEach((userId, delta) -> writes.add(TransactWriteItem.builder().update(u -> u.tableName(usersTable)
                .key(Map.of(Keys.PK, s(Keys.userPk(userId)), Keys.SK, s(Keys.PROFILE_SK)))
                .updateExpression("SET " + Keys.TOTAL_SHARD + " = :shard ADD countedSteps :steps, donations :count")
                .expressionAttributeValues(Map.of(":shard", s(Keys.totalShard(userId)),
                        ":steps", n(delta.countedSteps()), ":count", n(delta.donations())))).build()));
        Map<String, AttributeValue> delta = new HashMap<>();
        delta.put(Keys.PK, s(Keys.DELTA_PK));
        delta.put(Keys.SK, s(deltaId));
        delta.put("steps", numbers(deltas.regionSteps()));
        delta.put("donations", numbers(deltas.regionDonations()));
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(stateTable).item(delta)
                .conditionExpression("attribute_not_exists(pk)")).build());
        return writes;
    }

    /** Ordered by time so the oldest deltas (those an invocation left behind) are folded first. */
    private static String deltaId(List<Donation> donations, Instant now) {
        String ids = donations.stream().map(Donation::donationId).sorted().collect(Collectors.joining(","));
        return now + "#" + UUID.nameUUIDFromBytes(ids.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int foldPendingDeltas() {
        for (int attempt = 1; ; attempt++) {
            List<Map<String, AttributeValue>> deltas = dynamo.query(q -> q.tableName(stateTable)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(Keys.DELTA_PK)))
                    .consistentRead(true)
                    .limit(deltasPerFold)).items();
            if (deltas.isEmpty()) {
                return 0;
            }
            try {
                dynamo.transactWriteItems(b -> b.transactItems(foldingWrites(deltas)));
                return deltas.size();
            } catch (TransactionCanceledException concurrentFold) {
                // Another invocation folded some of these first; read again and fold what is left.
                if (attempt >= ATTEMPTS) {
                    throw concurrentFold;
                }
            }
        }
    }

    private List<TransactWriteItem> foldingWrites(List<Map<String, AttributeValue>> deltas) {
        Map<String, Long> steps = Deltas.sum(deltas.stream().map(d -> longs(d.get("steps"))).toList());
        Map<String, Long> donations = Deltas.sum(deltas.stream().map(d -> longs(d.get("donations"))).toList());
        List<TransactWriteItem> writes = new ArrayList<>();
        for (Map<String, AttributeValue> delta : deltas) {
            writes.add(TransactWriteItem.builder().delete(d -> d.tableName(stateTable)
                    .key(Map.of(Keys.PK, delta.get(Keys.PK), Keys.SK, delta.get(Keys.SK)))
                    .conditionExpression("attribute_exists(pk)")).build());
        }
        steps.forEach((region, delta) -> writes.add(TransactWriteItem.builder().update(u -> u.tableName(stateTable)
                .key(totalKey(Keys.regionPk(region)))
                .updateExpression("ADD steps :steps, donations :count")
                .expressionAttributeValues(Map.of(":steps", n(delta), ":count", n(donations.getOrDefault(region, 0L)))))
                .build()));
        Deltas.aidedSteps(campaign, steps).forEach((aided, delta) -> writes.add(TransactWriteItem.builder()
                .update(u -> u.tableName(stateTable)
                        .key(totalKey(Keys.aidedPk(aided)))
                        .updateExpression("ADD steps :steps")
                        .expressionAttributeValues(Map.of(":steps", n(delta))))
                .build()));
        return writes;
    }

    @Override
    public Set<String> pendingAmong(Set<String> deltaIds) {
        if (deltaIds.isEmpty()) {
            return Set.of();
        }
        List<Map<String, AttributeValue>> keys = deltaIds.stream()
                .map(id -> Map.of(Keys.PK, s(Keys.DELTA_PK), Keys.SK, s(id))).toList();
        return batchGet(keys, Keys.SK).stream().map(item -> item.get(Keys.SK).s()).collect(Collectors.toSet());
    }

    @Override
    public Totals totals() {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        campaign.regions().forEach(r -> keys.add(totalKey(Keys.regionPk(r.code()))));
        campaign.aidedRegions().forEach(r -> keys.add(totalKey(Keys.aidedPk(r.code()))));
        Map<String, Long> regionSteps = new TreeMap<>();
        Map<String, Long> regionDonations = new TreeMap<>();
        Map<String, Long> aidedSteps = new TreeMap<>();
        Map<String, Instant> generatedAt = new TreeMap<>();
        for (Map<String, AttributeValue> item : batchGet(keys, "pk, steps, donations, generatedAt")) {
            String pk = item.get(Keys.PK).s();
            String code = pk.substring(pk.indexOf('#') + 1);
            long itemSteps = item.containsKey("steps") ? Items.number(item, "steps") : 0L;
            if (pk.startsWith("REGION#")) {
                regionSteps.put(code, itemSteps);
                regionDonations.put(code, item.containsKey("donations") ? Items.number(item, "donations") : 0L);
            } else {
                aidedSteps.put(code, itemSteps);
                Items.optionalString(item, "generatedAt").map(Instant::parse).ifPresent(at -> generatedAt.put(code, at));
            }
        }
        for (Region r : campaign.regions()) {
            regionSteps.putIfAbsent(r.code(), 0L);
            regionDonations.putIfAbsent(r.code(), 0L);
        }
        return new Totals(regionSteps, regionDonations, aidedSteps, generatedAt);
    }

    @Override
    public Optional<Instant> markProjectGenerated(String aidedCode, Instant at) {
        try {
            dynamo.updateItem(u -> u.tableName(stateTable)
                    .key(totalKey(Keys.aidedPk(aidedCode)))
                    .conditionExpression("attribute_not_exists(generatedAt) AND steps >= :target")
                    .updateExpression("SET generatedAt = :at")
                    .expressionAttributeValues(Map.of(":at", s(at.toString()), ":target", n(campaign.aidedTargetSteps())))
                    .returnValues(ReturnValue.NONE));
            return Optional.of(at);
        } catch (ConditionalCheckFailedException alreadyGenerated) {
            Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(stateTable)
                    .key(totalKey(Keys.aidedPk(aidedCode))).consistentRead(true)).item();
            return Items.optionalString(item, "generatedAt").map(Instant::parse);
        }
    }

    private static Map<String, AttributeValue> totalKey(String pk) {
        return Map.of(Keys.PK, s(pk), Keys.SK, s(Keys.TOTAL_SK));
    }

    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys, String projection) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += 100) {
            Map<String, KeysAndAttributes> request = new LinkedHashMap<>();
            request.put(stateTable, KeysAndAttributes.builder().keys(keys.subList(from, Math.min(keys.size(), from + 100)))
                    .consistentRead(true).projectionExpression(projection).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> current = request;
                var response = dynamo.batchGetItem(b -> b.requestItems(current));
                found.addAll(response.responses().getOrDefault(stateTable, List.of()));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    private static AttributeValue numbers(Map<String, Long> values) {
        Map<String, AttributeValue> map = new TreeMap<>();
        values.forEach((k, v) -> map.put(k, n(v)));
        return AttributeValue.fromM(map);
    }

    private static Map<String, Long> longs(AttributeValue map) {
        Map<String, Long> values = new TreeMap<>();
        if (map != null && map.hasM()) {
            map.m().forEach((k, v) -> values.put(k, Long.parseLong(v.n())));
        }
        return values;
    }
}
