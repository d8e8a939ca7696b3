package org.run78.store;

import static org.run78.store.Items.s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.run78.domain.badge.DonorHistories;
import org.run78.domain.badge.DonorHistory;
import org.run78.domain.donation.Donation;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One user's donations: one strongly consistent Query on the user's ledger partition (at most
 * one item per campaign day, so one page), read with the ledger's own item mapping.
 */
public final class DynamoDonorHistories implements DonorHistories {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDonorHistories(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public DonorHistory of(String userId) {
        List<Donation> donations = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamo.queryPaginator(b -> b.tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :day)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", s(Keys.ledgerPk(userId)), ":day", s(Keys.LEDGER_DAY_PREFIX)))
                .consistentRead(true)).items()) {
            donations.add(DynamoDonationLedger.fromItem(item));
        }
        return new DonorHistory(userId, donations);
    }
}
