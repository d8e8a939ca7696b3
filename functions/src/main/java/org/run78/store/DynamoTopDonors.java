package org.run78.store;

import static org.run78.store.Items.s;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.run78.domain.aggregation.TopDonors;
import org.run78.domain.leaderboard.LeaderboardSnapshot;
import org.run78.domain.profile.DisplayName;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The top donors from the users' `ByTotal` index: each shard's best, merged. Sharding keeps
 * every donor's total update off one index partition.
 */
public final class DynamoTopDonors implements TopDonors {
    private final DynamoDbClient dynamo;
    private final String usersTable;

    public DynamoTopDonors(DynamoDbClient dynamo, String usersTable) {
        this.dynamo = dynamo;
        this.usersTable = usersTable;
    }

    @Override
    public List<LeaderboardSnapshot.TopDonor> top(int count) {
        List<LeaderboardSnapshot.TopDonor> candidates = new ArrayList<>();
        for (int shard = 0; shard < Keys.TOTAL_SHARDS; shard++) {
            String shardKey = "T#" + shard;
            List<Map<String, AttributeValue>> items = dynamo.query(q -> q.tableName(usersTable)
                    .indexName(Keys.TOP_DONORS_INDEX)
                    .keyConditionExpression(Keys.TOTAL_SHARD + " = :shard")
                    .expressionAttributeValues(Map.of(":shard", s(shardKey)))
                    .scanIndexForward(false)
                    .limit(count)).items();
            for (Map<String, AttributeValue> item : items) {
                String name = DisplayName.shown(Items.optionalString(item, "displayName").orElse(null));
                candidates.add(new LeaderboardSnapshot.TopDonor(name, Items.number(item, "countedSteps")));
            }
        }
        candidates.sort(Comparator.comparingLong(LeaderboardSnapshot.TopDonor::steps).reversed());
        return List.copyOf(candidates.subList(0, Math.min(count, candidates.size())));
    }
}
