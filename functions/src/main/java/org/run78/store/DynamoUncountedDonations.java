package org.run78.store;

import static org.run78.store.Items.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.run78.domain.aggregation.UncountedDonations;
import org.run78.domain.donation.Donation;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The ledger's sparse `Uncounted` index: only donations not yet counted are in it. */
public final class DynamoUncountedDonations implements UncountedDonations {
    private final DynamoDbClient dynamo;
    private final String ledgerTable;

    public DynamoUncountedDonations(DynamoDbClient dynamo, String ledgerTable) {
        this.dynamo = dynamo;
        this.ledgerTable = ledgerTable;
    }

    @Override
    public List<Donation> donatedBefore(Instant cutoff, int limit) {
        List<Donation> found = new ArrayList<>();
        for (int shard = 0; shard < Keys.UNCOUNTED_SHARDS && found.size() < limit; shard++) {
            String shardKey = "U#" + shard;
            int remaining = limit - found.size();
            dynamo.queryPaginator(q -> q.tableName(ledgerTable)
                            .indexName(Keys.UNCOUNTED_INDEX)
                            .keyConditionExpression(Keys.UNCOUNTED_SHARD + " = :shard AND donatedAt < :cutoff")
                            .expressionAttributeValues(Map.of(":shard", s(shardKey), ":cutoff", s(cutoff.toString()))))
                    .items().stream().limit(remaining)
                    .forEach(item -> found.add(DynamoDonationLedger.fromItem(item)));
        }
        return found;
    }
}
