package org.run78.store;

import static org.run78.store.Items.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.run78.domain.badge.AwardedBadge;
import org.run78.domain.badge.AwardedBadges;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Badges in the users table, one item per badge held (pk USER#id, sk BADGE#id). "Awarded
 * once" is the item's key plus a condition on the write itself: a re-evaluation, however
 * it races, never replaces the `awardedAt` first written.
 */
public final class DynamoBadges implements AwardedBadges {
    static final String BADGE_ID = "badgeId";
    static final String AWARDED_AT = "awardedAt";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoBadges(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<AwardedBadge> of(String userId) {
        List<AwardedBadge> badges = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(b -> b.tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :badge)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", s(Keys.userPk(userId)), ":badge", s(Keys.BADGE_SK_PREFIX)))
                .consistentRead(true)).items()) {
            badges.add(fromItem(item));
        }
        return badges;
    }

    @Override
    public boolean award(String userId, AwardedBadge badge) {
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            Keys.PK, s(Keys.userPk(userId)),
                            Keys.SK, s(Keys.badgeSk(badge.id())),
                            BADGE_ID, s(badge.id()),
                            AWARDED_AT, s(badge.awardedAt().toString())))
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK)));
            return true;
        } catch (ConditionalCheckFailedException alreadyHeld) {
            return false;
        }
    }

    static boolean isBadge(Map<String, AttributeValue> item) {
        return Items.optionalString(item, Keys.SK).filter(sk -> sk.startsWith(Keys.BADGE_SK_PREFIX)).isPresent();
    }

    static AwardedBadge fromItem(Map<String, AttributeValue> item) {
        return new AwardedBadge(Items.string(item, BADGE_ID), Instant.parse(Items.string(item, AWARDED_AT)));
    }
}
