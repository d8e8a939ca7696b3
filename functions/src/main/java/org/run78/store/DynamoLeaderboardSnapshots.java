package org.run78.store;

import static org.run78.store.Items.s;

import java.util.Map;
import java.util.Optional;

import org.run78.app.Json;
import org.run78.domain.aggregation.SnapshotWriter;
import org.run78.domain.leaderboard.LeaderboardSnapshot;
import org.run78.domain.leaderboard.LeaderboardSnapshots;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** The leaderboard snapshot: one item, so one read answers the leaderboard whatever the number of users. */
public final class DynamoLeaderboardSnapshots implements LeaderboardSnapshots, SnapshotWriter {
    public static final String DATA = "data";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoLeaderboardSnapshots(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<LeaderboardSnapshot> latest() {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table).key(key()));
        if (!response.hasItem()) {
            return Optional.empty();
        }
        return Optional.of(Json.read(Items.string(response.item(), DATA), LeaderboardSnapshot.class));
    }

    @Override
    public void save(LeaderboardSnapshot snapshot) {
        var item = new java.util.HashMap<>(key());
        item.put(DATA, s(Json.write(snapshot)));
        item.put("asOfMillis", Items.n(snapshot.asOf().toEpochMilli()));
        try {
            dynamo.putItem(p -> p.tableName(table).item(item)
                    // Never over a frozen (final) snapshot: see DynamoFinalStandings.
                    .conditionExpression("attribute_not_exists(pk) OR (asOfMillis <= :asOf AND attribute_not_exists("
                            + DynamoFinalStandings.FINALIZED + "))")
                    .expressionAttributeValues(Map.of(":asOf", Items.n(snapshot.asOf().toEpochMilli()))));
        } catch (ConditionalCheckFailedException newerAlreadySaved) {
            // A concurrent aggregation saved a later view; it already holds what this one would show.
        }
    }

    public static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key() {
        return Map.of(Keys.PK, s(Keys.LEADERBOARD_PK), Keys.SK, s(Keys.SNAPSHOT_SK));
    }
}
