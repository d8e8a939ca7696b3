package org.run78.store;

import static org.run78.store.Items.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.run78.domain.badge.AwardedBadge;
import org.run78.domain.profile.Profiles;
import org.run78.domain.profile.StoredProfile;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The user's profile item (pk USER#id, sk PROFILE) and badge items, read together in one
 * Query of the user's partition. The projection names only what the page shows, so the
 * session key that shares the profile item is never even read here.
 */
public final class DynamoProfiles implements Profiles {
    static final String DISPLAY_NAME = "displayName";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoProfiles(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public StoredProfile load(String userId) {
        Optional<String> displayName = Optional.empty();
        List<AwardedBadge> badges = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(b -> b.tableName(table)
                .keyConditionExpression("#pk = :pk")
                .projectionExpression("#sk, #name, #badge, #at")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK, "#name", DISPLAY_NAME,
                        "#badge", DynamoBadges.BADGE_ID, "#at", DynamoBadges.AWARDED_AT))
                .expressionAttributeValues(Map.of(":pk", s(Keys.userPk(userId))))
                .consistentRead(true)).items()) {
            if (Keys.PROFILE_SK.equals(Items.optionalString(item, Keys.SK).orElse(null))) {
                displayName = Items.optionalString(item, DISPLAY_NAME);
            } else if (DynamoBadges.isBadge(item)) {
                badges.add(DynamoBadges.fromItem(item));
            }
        }
        return new StoredProfile(displayName, badges);
    }

    @Override
    public void setDisplayName(String userId, String displayName, Instant at) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of(Keys.PK, s(Keys.userPk(userId)), Keys.SK, s(Keys.PROFILE_SK)))
                .updateExpression("SET #name = :name, displayNameAt = :at")
                .expressionAttributeNames(Map.of("#name", DISPLAY_NAME))
                .expressionAttributeValues(Map.of(":name", s(displayName), ":at", s(at.toString()))));
    }
}
