package org.run78.store;

import static org.run78.store.Items.s;

import java.util.HashMap;
import java.util.Map;

import org.run78.app.Json;
import org.run78.domain.finalization.FinalStandings;
import org.run78.domain.leaderboard.LeaderboardSnapshot;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Freezes the leaderboard: the snapshot item (the one DynamoLeaderboardSnapshots reads and
 * writes) is replaced by the final one and gets a `finalized` attribute. The aggregation's
 * saves are conditional on that attribute being absent, so a late batch cannot unfreeze it.
 */
public final class DynamoFinalStandings implements FinalStandings {
    public static final String FINALIZED = "finalized";

    private final DynamoDbClient dynamo;
    private final String stateTable;

    public DynamoFinalStandings(DynamoDbClient dynamo, String stateTable) {
        this.dynamo = dynamo;
        this.stateTable = stateTable;
    }

    @Override
    public boolean freeze(LeaderboardSnapshot finalSnapshot) {
        if (!finalSnapshot.finalized()) {
            throw new IllegalArgumentException("only a final snapshot freezes the standings");
        }
        Map<String, AttributeValue> item = new HashMap<>(DynamoLeaderboardSnapshots.key());
        item.put(DynamoLeaderboardSnapshots.DATA, s(Json.write(finalSnapshot)));
        item.put("asOfMillis", Items.n(finalSnapshot.asOf().toEpochMilli()));
        item.put(FINALIZED, AttributeValue.fromBool(true));
        try {
            dynamo.putItem(p -> p.tableName(stateTable).item(item).conditionExpression("attribute_not_exists(" + FINALIZED + ")"));
            return true;
        } catch (ConditionalCheckFailedException frozenBefore) {
            return false;
        }
    }
}
