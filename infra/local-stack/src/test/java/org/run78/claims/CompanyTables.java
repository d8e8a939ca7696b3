package org.run78.claims;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.run78.store.Keys;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** Seeds what the aggregation would write, and reads tables whole, for checks that a refusal wrote nothing. */
final class CompanyTables {
    private CompanyTables() {}

    /** Stands for the aggregation: the aided totals reached the target and the projects were generated at `at`. */
    static void generated(DynamoDbClient dynamo, String stateTable, Instant at, String... aidedCodes) {
        for (String code : aidedCodes) {
            dynamo.putItem(b -> b.tableName(stateTable).item(Map.of(
                    Keys.PK, AttributeValue.fromS(Keys.aidedPk(code)),
                    Keys.SK, AttributeValue.fromS(Keys.TOTAL_SK),
                    "steps", AttributeValue.fromN("78000000"),
                    "generatedAt", AttributeValue.fromS(at.toString()))));
        }
    }

    /** An aided total short of the target: counted, not generated. */
    static void counted(DynamoDbClient dynamo, String stateTable, String aidedCode, long steps) {
        dynamo.putItem(b -> b.tableName(stateTable).item(Map.of(
                Keys.PK, AttributeValue.fromS(Keys.aidedPk(aidedCode)),
                Keys.SK, AttributeValue.fromS(Keys.TOTAL_SK),
                "steps", AttributeValue.fromN(Long.toString(steps)))));
    }

    /** Every item of a table, in key order: equal snapshots mean nothing was written in between. */
    static List<Map<String, AttributeValue>> scan(DynamoDbClient dynamo, String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamo.scan(b -> {
                b.tableName(table).consistentRead(true);
                if (from != null) {
                    b.exclusiveStartKey(from);
                }
            });
            page.items().forEach(i -> items.add(new HashMap<>(i)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        items.sort(Comparator.comparing((Map<String, AttributeValue> i) -> i.get(Keys.PK).s())
                .thenComparing(i -> i.get(Keys.SK).s()));
        return items;
    }

    static List<String> keys(List<Map<String, AttributeValue>> items) {
        return items.stream().map(i -> i.get(Keys.PK).s() + "/" + i.get(Keys.SK).s()).toList();
    }
}
