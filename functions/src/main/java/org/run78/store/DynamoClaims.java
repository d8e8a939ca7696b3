package org.run78.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.run78.domain.claim.Claim;
import org.run78.domain.claim.ClaimBook;
import org.run78.domain.project.ClaimedProject;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A claim and its projects, written in ONE TransactWriteItems: the claim item's put carries
 * `attribute_not_exists(pk)`, so "one claim per company" is the write's own condition and two
 * racing claims cannot both win. A refused transaction writes nothing, and its cancellation
 * reason carries the claim already made (ReturnValuesOnConditionCheckFailure ALL_OLD).
 */
public final class DynamoClaims implements ClaimBook {
    /** Transactions racing on the same claim item may be cancelled for the conflict itself; then retry. */
    static final int ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoClaims(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Claim> record(Claim claim, List<ClaimedProject> projects) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(ProjectItems.claimItem(claim))
                .conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build());
        for (ClaimedProject p : projects) {
            writes.add(TransactWriteItem.builder().put(Put.builder()
                    .tableName(table)
                    .item(ProjectItems.projectItem(p))
                    .conditionExpression("attribute_not_exists(pk)")
                    .build()).build());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
                return Optional.empty();
            } catch (TransactionCanceledException cancelled) {
                List<CancellationReason> reasons = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
                CancellationReason onClaim = reasons.isEmpty() ? null : reasons.get(0);
                if (onClaim != null && "ConditionalCheckFailed".equals(onClaim.code())) {
                    return Optional.of(existing(onClaim.item(), claim.companyCode()));
                }
                boolean conflict = reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
                if (!conflict || attempt >= ATTEMPTS) {
                    throw new IllegalStateException("the claim of " + claim.companyCode() + " was cancelled: "
                            + reasons.stream().map(CancellationReason::code).toList(), cancelled);
                }
                pause(attempt);
            }
        }
    }

    /** The claim already made, from the cancellation reason (or, should a reason lack it, a consistent read). */
    private Claim existing(Map<String, AttributeValue> fromReason, String companyCode) {
        if (fromReason != null && !fromReason.isEmpty()) {
            return ProjectItems.claim(fromReason);
        }
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(ProjectItems.claimKey(companyCode)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            throw new IllegalStateException("the claim of " + companyCode + " was refused, yet there is none");
        }
        return ProjectItems.claim(item);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L * attempt + (long) (Math.random() * 20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
