package org.run78.store;

import static org.run78.store.Items.n;
import static org.run78.store.Items.s;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.run78.domain.finalization.Counts;
import org.run78.domain.finalization.Drift;
import org.run78.domain.finalization.TotalsCorrector;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Sets a drifted total to the ledger's value with one UpdateItem, conditional on the value the
 * reconciliation read (an absent attribute counts as zero), so a concurrent change is never
 * overwritten blindly; a lost condition hands back the item as it is now (ALL_OLD).
 */
public final class DynamoTotalsCorrector implements TotalsCorrector {
    private final DynamoDbClient dynamo;
    private final String stateTable;
    private final String usersTable;

    public DynamoTotalsCorrector(DynamoDbClient dynamo, String stateTable, String usersTable) {
        this.dynamo = dynamo;
        this.stateTable = stateTable;
        this.usersTable = usersTable;
    }

    @Override
    public Optional<Counts> correct(Drift drift) {
        return switch (drift.scope()) {
            case REGION -> update(stateTable, key(Keys.regionPk(drift.code()), Keys.TOTAL_SK), "steps", "donations", drift, null);
            case AIDED -> update(stateTable, key(Keys.aidedPk(drift.code()), Keys.TOTAL_SK), "steps", null, drift, null);
            case USER -> update(usersTable, key(Keys.userPk(drift.code()), Keys.PROFILE_SK), "countedSteps", "donations", drift,
                    Keys.totalShard(drift.code()));
        };
    }

    /**
     * @param countAttribute null for items that keep steps only
     * @param totalShard     for profiles: their shard of the top-donors index, set with a total and
     *                       removed with it (a user with nothing counted is not in the index)
     */
    private Optional<Counts> update(String table, Map<String, AttributeValue> key, String stepsAttribute,
                                    String countAttribute, Drift drift, String totalShard) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#steps", stepsAttribute);
        StringBuilder condition = new StringBuilder(was("#steps", ":oldSteps", drift.stored().steps()));
        values.put(":oldSteps", n(drift.stored().steps()));
        if (countAttribute != null) {
            names.put("#count", countAttribute);
            condition.append(" AND ").append(was("#count", ":oldCount", drift.stored().donations()));
            values.put(":oldCount", n(drift.stored().donations()));
        }
        String update;
        boolean removeUser = totalShard != null && drift.ledger().donations() == 0;
        if (removeUser) {
            names.put("#shard", Keys.TOTAL_SHARD);
            update = "REMOVE #steps, #count, #shard";
        } else {
            values.put(":steps", n(drift.ledger().steps()));
            update = "SET #steps = :steps";
            if (countAttribute != null) {
                values.put(":count", n(drift.ledger().donations()));
                update += ", #count = :count";
            }
            if (totalShard != null) {
                names.put("#shard", Keys.TOTAL_SHARD);
                values.put(":shard", s(totalShard));
                update += ", #shard = :shard";
            }
        }
        String updateExpression = update;
        try {
            dynamo.updateItem(u -> u.tableName(table).key(key)
                    .conditionExpression(condition.toString())
                    .updateExpression(updateExpression)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Optional.empty();
        } catch (ConditionalCheckFailedException changed) {
            Map<String, AttributeValue> item = changed.hasItem() ? changed.item() : Map.of();
            return Optional.of(new Counts(number(item, stepsAttribute), countAttribute == null ? 0 : number(item, countAttribute)));
        }
    }

    /** The attribute holds `value`; zero also matches an absent attribute. */
    private static String was(String name, String placeholder, long value) {
        return value == 0 ? "(attribute_not_exists(" + name + ") OR " + name + " = " + placeholder + ")"
                : name + " = " + placeholder;
    }

    private static long number(Map<String, AttributeValue> item, String attribute) {
        return item.containsKey(attribute) ? Items.number(item, attribute) : 0L;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(Keys.PK, s(pk), Keys.SK, s(sk));
    }
}
