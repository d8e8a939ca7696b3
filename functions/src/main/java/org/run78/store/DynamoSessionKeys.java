package org.run78.store;

import static org.run78.store.Items.s;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.run78.domain.session.SessionKeys;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** Session keys in the user's profile item; read strongly consistent, as a login may be a millisecond old. */
public final class DynamoSessionKeys implements SessionKeys {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSessionKeys(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void store(String userId, String sessionKey, Instant at) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(key(userId))
                .updateExpression("SET sessionKey = :key, sessionKeyAt = :at, createdAt = if_not_exists(createdAt, :at)")
                .expressionAttributeValues(Map.of(":key", s(sessionKey), ":at", s(at.toString()))));
    }

    @Override
    public Optional<String> current(String userId) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table)
                .key(key(userId))
                .projectionExpression("sessionKey")
                .consistentRead(true));
        return response.hasItem() ? Items.optionalString(response.item(), "sessionKey") : Optional.empty();
    }

    private static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key(String userId) {
        return Map.of(Keys.PK, s(Keys.userPk(userId)), Keys.SK, s(Keys.PROFILE_SK));
    }
}
