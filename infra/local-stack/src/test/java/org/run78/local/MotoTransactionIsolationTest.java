package org.run78.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The moto the tests and the local stack run (moto_server_fixed.py) isolates a transaction
 * from other writes as DynamoDB does: a cancelled transaction never undoes a write that
 * another request made meanwhile. (Stock moto restores whole tables from a backup, and loses them.)
 */
class MotoTransactionIsolationTest {

    @Test
    void aCancelledTransactionNeverUndoesAConcurrentWrite() throws InterruptedException {
        SharedMoto.resetToTemplate();
        DynamoDbClient dynamo = SharedMoto.dynamoDb();
        String table = SharedMoto.environmentOf("AggregateFunction").get("STATE_TABLE");
        dynamo.putItem(p -> p.tableName(table).item(Map.of("pk", AttributeValue.fromS("GUARD"), "sk", AttributeValue.fromS("X"))));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger cancelled = new AtomicInteger();
        Thread cancelling = new Thread(() -> {
            while (writing.get()) {
                try {
                    dynamo.transactWriteItems(t -> t.transactItems(
                            i -> i.put(p -> p.tableName(table).item(Map.of("pk", AttributeValue.fromS("T"), "sk", AttributeValue.fromS("1")))),
                            i -> i.put(p -> p.tableName(table).conditionExpression("attribute_not_exists(pk)")
                                    .item(Map.of("pk", AttributeValue.fromS("GUARD"), "sk", AttributeValue.fromS("X"))))));
                } catch (TransactionCanceledException expected) {
                    cancelled.incrementAndGet();
                }
            }
        });
        cancelling.start();
        int writes = 150;
        for (int i = 0; i < writes; i++) {
            String sk = Integer.toString(i);
            dynamo.putItem(p -> p.tableName(table).item(Map.of("pk", AttributeValue.fromS("W"), "sk", AttributeValue.fromS(sk))));
        }
        writing.set(false);
        cancelling.join();
        int kept = dynamo.query(q -> q.tableName(table).keyConditionExpression("pk = :w")
                .expressionAttributeValues(Map.of(":w", AttributeValue.fromS("W"))).consistentRead(true)).count();
        assertEquals(writes, kept, "writes kept while " + cancelled.get() + " transactions were cancelled");
        assertEquals(0, dynamo.query(q -> q.tableName(table).keyConditionExpression("pk = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("T")))).count(), "a cancelled transaction wrote nothing");
    }
}
