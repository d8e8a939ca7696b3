package org.run78.store;

import static org.run78.store.Items.s;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.run78.domain.finalization.Counts;
import org.run78.domain.finalization.ProfileTotals;
import org.run78.domain.finalization.StoredUserTotal;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every user's stored totals: a parallel Scan of the users table's profile items (never the session key). */
public final class DynamoProfileTotals implements ProfileTotals {
    private final ParallelScan scan;
    private final String usersTable;

    public DynamoProfileTotals(DynamoDbClient dynamo, String usersTable, int segments, long progressEvery) {
        this.scan = new ParallelScan(dynamo, segments, progressEvery);
        this.usersTable = usersTable;
    }

    @Override
    public <S extends Consumer<StoredUserTotal>> List<S> scan(Supplier<S> sinkPerSegment) {
        return scan.run(usersTable, b -> b
                        .filterExpression("#sk = :profile")
                        .projectionExpression("#pk, countedSteps, donations, displayName")
                        .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                        .expressionAttributeValues(Map.of(":profile", s(Keys.PROFILE_SK))),
                sinkPerSegment,
                (sink, item) -> sink.accept(new StoredUserTotal(userId(item), counts(item),
                        Items.optionalString(item, "displayName").orElse(null))));
    }

    static String userId(Map<String, AttributeValue> item) {
        String pk = Items.string(item, Keys.PK);
        return pk.substring(Keys.userPk("").length());
    }

    static Counts counts(Map<String, AttributeValue> item) {
        return new Counts(item.containsKey("countedSteps") ? Items.number(item, "countedSteps") : 0L,
                item.containsKey("donations") ? Items.number(item, "donations") : 0L);
    }
}
