package org.run78.store;

import static org.run78.store.Items.n;
import static org.run78.store.Items.s;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.run78.domain.donation.Donation;
import org.run78.domain.donation.DonationLedger;
import org.run78.domain.error.DomainException;
import org.run78.domain.error.ErrorCode;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The ledger on DynamoDB. "One donation per user per day" is the item's key plus a
 * condition on the write itself, never a read before it: two racing requests cannot both win.
 */
public final class DynamoDonationLedger implements DonationLedger {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDonationLedger(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void record(Donation donation) {
        try {
            dynamo.putItem(PutItemRequest.builder()
                    .tableName(table)
                    .item(toItem(donation))
                    .conditionExpression("attribute_not_exists(pk)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
        } catch (ConditionalCheckFailedException alreadyThere) {
            Donation existing = fromItem(alreadyThere.item());
            throw new DomainException(ErrorCode.ALREADY_DONATED_TODAY,
                    "you already donated today, " + existing.day() + "; come back tomorrow",
                    Map.of("donation", existing));
        }
    }

    static Map<String, AttributeValue> toItem(Donation d) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, s(Keys.ledgerPk(d.userId())));
        item.put(Keys.SK, s(Keys.ledgerSk(d.day())));
        item.put("donationId", s(d.donationId()));
        item.put("userId", s(d.userId()));
        item.put("day", s(d.day().toString()));
        item.put("regionCode", s(d.regionCode()));
        item.put("steps", n(d.steps()));
        item.put("countedSteps", n(d.countedSteps()));
        item.put("donatedAt", s(d.donatedAt().toString()));
        // Sparse index entry until aggregation counts it: what the sweeper re-publishes from.
        item.put(Keys.UNCOUNTED_SHARD, s(Keys.uncountedShard(d.userId())));
        return item;
    }

    public static Donation fromItem(Map<String, AttributeValue> item) {
        return new Donation(
                Items.string(item, "donationId"),
                Items.string(item, "userId"),
                LocalDate.parse(Items.string(item, "day")),
                Items.string(item, "regionCode"),
                Math.toIntExact(Items.number(item, "steps")),
                Items.number(item, "countedSteps"),
                Instant.parse(Items.string(item, "donatedAt")));
    }
}
