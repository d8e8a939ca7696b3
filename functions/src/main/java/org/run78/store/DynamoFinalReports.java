package org.run78.store;

import static org.run78.store.Items.s;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.run78.app.Json;
import org.run78.domain.finalization.CampaignStatus;
import org.run78.domain.finalization.FinalReport;
import org.run78.domain.finalization.FinalReports;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The final report as one StateTable item (`REPORT` / `FINAL`, the report's JSON in `data`),
 * put once with `attribute_not_exists(pk)`; and the campaign's status item (`CAMPAIGN` / `STATUS`).
 * The 2019 report is about 10 KB, far below the 400 KB item limit (docs/finalization.md says
 * what a larger edition would do).
 */
public final class DynamoFinalReports implements FinalReports, CampaignStatus {
    static final String DATA = "data";

    private final DynamoDbClient dynamo;
    private final String stateTable;

    public DynamoFinalReports(DynamoDbClient dynamo, String stateTable) {
        this.dynamo = dynamo;
        this.stateTable = stateTable;
    }

    @Override
    public Optional<FinalReport> published() {
        GetItemResponse response = dynamo.getItem(g -> g.tableName(stateTable).key(reportKey()).consistentRead(true));
        return response.hasItem() ? Optional.of(read(response.item())) : Optional.empty();
    }

    @Override
    public Optional<FinalReport> publish(FinalReport report) {
        Map<String, AttributeValue> item = new HashMap<>(reportKey());
        item.put(DATA, s(Json.write(report)));
        item.put("campaignId", s(report.campaignId()));
        item.put("finalizedAt", s(report.finalizedAt().toString()));
        try {
            dynamo.putItem(p -> p.tableName(stateTable).item(item)
                    .conditionExpression("attribute_not_exists(pk)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Optional.empty();
        } catch (ConditionalCheckFailedException publishedBefore) {
            return Optional.of(publishedBefore.hasItem() ? read(publishedBefore.item())
                    : published().orElseThrow(() -> publishedBefore));
        }
    }

    @Override
    public void markClosed(Instant at) {
        try {
            dynamo.updateItem(u -> u.tableName(stateTable).key(statusKey())
                    .conditionExpression("attribute_not_exists(#status) OR #status <> :final")
                    .updateExpression("SET #status = :closed, closedAt = if_not_exists(closedAt, :at)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":final", s("final"), ":closed", s("closed"), ":at", s(at.toString()))));
        } catch (ConditionalCheckFailedException alreadyFinal) {
            // Final stays final.
        }
    }

    @Override
    public void markFinal(Instant at) {
        try {
            dynamo.updateItem(u -> u.tableName(stateTable).key(statusKey())
                    .conditionExpression("attribute_not_exists(#status) OR #status <> :final")
                    .updateExpression("SET #status = :final, finalizedAt = if_not_exists(finalizedAt, :at)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":final", s("final"), ":at", s(at.toString()))));
        } catch (ConditionalCheckFailedException alreadyFinal) {
            // Marked by an earlier run: nothing to change.
        }
    }

    private static FinalReport read(Map<String, AttributeValue> item) {
        return Json.read(Items.string(item, DATA), FinalReport.class);
    }

    static Map<String, AttributeValue> reportKey() {
        return Map.of(Keys.PK, s(Keys.REPORT_PK), Keys.SK, s(Keys.FINAL_SK));
    }

    static Map<String, AttributeValue> statusKey() {
        return Map.of(Keys.PK, s(Keys.CAMPAIGN_PK), Keys.SK, s(Keys.STATUS_SK));
    }
}
