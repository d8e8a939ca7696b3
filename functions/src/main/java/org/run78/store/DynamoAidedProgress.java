package org.run78.store;

import static org.run78.store.Items.s;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.run78.domain.project.AidedProgress;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads the aided totals the aggregation writes in the state table (`AIDED#<code>` / `TOTAL`:
 * `steps`, and `generatedAt` once the project is generated): one BatchGetItem for the 22.
 */
public final class DynamoAidedProgress implements AidedProgress {
    private static final int MAX_ROUNDS = 8;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAidedProgress(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Map<String, AidedTotal> totals(Collection<String> regionCodes, boolean consistent) {
        Map<String, AidedTotal> totals = new HashMap<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String code : new LinkedHashSet<>(regionCodes)) {
            keys.add(Map.of(Keys.PK, s(Keys.aidedPk(code)), Keys.SK, s(Keys.TOTAL_SK)));
        }
        for (int from = 0; from < keys.size(); from += 100) {
            read(keys.subList(from, Math.min(keys.size(), from + 100)), consistent, totals);
        }
        return totals;
    }

    private void read(List<Map<String, AttributeValue>> keys, boolean consistent, Map<String, AidedTotal> into) {
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                .keys(keys)
                .consistentRead(consistent)
                .projectionExpression("pk, steps, generatedAt")
                .build());
        for (int round = 0; round < MAX_ROUNDS && !request.isEmpty(); round++) {
            Map<String, KeysAndAttributes> ask = request;
            BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(ask));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                String code = Items.string(item, Keys.PK).substring(Keys.aidedPk("").length());
                AttributeValue steps = item.get("steps");
                String generatedAt = Items.optionalString(item, "generatedAt").orElse(null);
                into.put(code, new AidedTotal(code, steps == null || steps.n() == null ? 0 : Long.parseLong(steps.n()),
                        generatedAt == null ? null : OffsetDateTime.parse(generatedAt).toInstant()));
            }
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            if (!request.isEmpty()) {
                pause(round);
            }
        }
        if (!request.isEmpty()) {
            throw new IllegalStateException("the aided totals could not all be read (throttled)");
        }
    }

    private static void pause(int round) {
        try {
            Thread.sleep(Math.min(400, 25L << round));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
