package org.run78.store;

import static org.run78.store.Items.n;
import static org.run78.store.Items.s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.run78.domain.project.ClaimedProject;
import org.run78.domain.project.ProjectBook;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Claimed projects: all in the partition `PROJECTS` (sk `<regionCode>#<companyCode>`), so every
 * listing is one Query; a report rewrites its project only over the version it was decided on.
 */
public final class DynamoProjects implements ProjectBook {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoProjects(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<ClaimedProject> all() {
        List<ClaimedProject> projects = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(Keys.PROJECTS_PK)));
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(query.build());
            page.items().forEach(item -> projects.add(ProjectItems.project(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return projects;
    }

    @Override
    public Optional<ClaimedProject> find(String regionCode, String companyCode) {
        GetItemResponse response = dynamo.getItem(b -> b.tableName(table)
                .key(ProjectItems.projectKey(regionCode, companyCode)).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(ProjectItems.project(response.item()))
                : Optional.empty();
    }

    @Override
    public boolean replace(ClaimedProject current, ClaimedProject updated) {
        if (!current.regionCode().equals(updated.regionCode()) || !current.companyCode().equals(updated.companyCode())) {
            throw new IllegalArgumentException("a project is replaced only by itself");
        }
        try {
            dynamo.putItem(b -> b.tableName(table)
                    .item(ProjectItems.projectItem(updated))
                    .conditionExpression("#version = :version AND #status = :status")
                    .expressionAttributeNames(Map.of("#version", ProjectItems.VERSION, "#status", ProjectItems.STATUS))
                    .expressionAttributeValues(Map.of(":version", n(current.version()), ":status", s(current.status().apiName()))));
            return true;
        } catch (ConditionalCheckFailedException raced) {
            return false;
        }
    }
}
