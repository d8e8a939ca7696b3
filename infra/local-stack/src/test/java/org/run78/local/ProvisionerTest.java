package org.run78.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.run78.app.Json;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class ProvisionerTest {

    @Test
    void the_project_tables_exist_with_their_keys_and_the_uncounted_index() {
        ProvisionedResources created = SharedMoto.resetToTemplate();
        TableDescription ledger = describe(created.table("LedgerTable").name());
        assertEquals(List.of(key("pk", KeyType.HASH), key("sk", KeyType.RANGE)), ledger.keySchema());
        assertEquals(BillingMode.PAY_PER_REQUEST, ledger.billingModeSummary().billingMode());
        GlobalSecondaryIndexDescription uncounted = ledger.globalSecondaryIndexes().get(0);
        assertEquals("Uncounted", uncounted.indexName());
        assertEquals(List.of(key("uncountedShard", KeyType.HASH), key("donatedAt", KeyType.RANGE)), uncounted.keySchema());
        for (String table : List.of("UsersTable", "StateTable")) {
            assertEquals(List.of(key("pk", KeyType.HASH), key("sk", KeyType.RANGE)),
                    describe(created.table(table).name()).keySchema());
        }
    }

    @Test
    void the_donation_queue_has_the_template_s_timeouts_and_redrives_to_the_dead_letter_queue() throws Exception {
        ProvisionedResources created = SharedMoto.resetToTemplate();
        Map<String, Object> declared = SamTemplate.load(ProjectTemplate.find()).resources().get("DonationQueue").properties();
        ProvisionedResources.Queue queue = created.queue("DonationQueue");
        Map<String, String> attributes = SharedMoto.sqs().getQueueAttributes(r -> r.queueUrl(queue.url())
                .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
        assertEquals(String.valueOf(declared.get("VisibilityTimeout")), attributes.get("VisibilityTimeout"));
        assertEquals(String.valueOf(declared.get("MessageRetentionPeriod")), attributes.get("MessageRetentionPeriod"));
        JsonNode redrive = Json.MAPPER.readTree(attributes.get("RedrivePolicy"));
        assertEquals(created.queue("DonationDeadLetterQueue").arn(), redrive.get("deadLetterTargetArn").asText());
        Map<?, ?> declaredRedrive = (Map<?, ?>) declared.get("RedrivePolicy");
        assertEquals(String.valueOf(declaredRedrive.get("maxReceiveCount")), redrive.get("maxReceiveCount").asText());
    }

    @Test
    void table_and_queue_properties_beyond_keys_reach_moto() throws Exception {
        ProvisionedResources created = SharedMoto.resetToTemplate(TestStacks.template("resources.yaml"));

        ProvisionedResources.Table events = created.table("EventsTable");
        assertEquals(Intrinsics.STACK_NAME + "-events", events.name());
        TableDescription table = describe(events.name());
        assertEquals(5L, table.provisionedThroughput().readCapacityUnits());
        LocalSecondaryIndexDescription byTime = table.localSecondaryIndexes().get(0);
        assertEquals(List.of(key("pk", KeyType.HASH), key("at", KeyType.RANGE)), byTime.keySchema());
        assertEquals(List.of("kind"), byTime.projection().nonKeyAttributes());
        assertNotNull(events.streamArn());
        assertEquals(TimeToLiveStatus.ENABLED, SharedMoto.dynamoDb().describeTimeToLive(r -> r.tableName(events.name()))
                .timeToLiveDescription().timeToLiveStatus());

        ProvisionedResources.Queue ordered = created.queue("OrderedQueue");
        assertEquals("OrderedQueue.fifo", ordered.name());
        Map<String, String> attributes = SharedMoto.sqs().getQueueAttributes(r -> r.queueUrl(ordered.url())
                .attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
        assertEquals("true", attributes.get("FifoQueue"));
        assertEquals("true", attributes.get("ContentBasedDeduplication"));
        assertEquals("2", attributes.get("DelaySeconds"));
        assertEquals("5", attributes.get("ReceiveMessageWaitTimeSeconds"));
        assertEquals("3600", attributes.get("MessageRetentionPeriod"));
        JsonNode redrive = Json.MAPPER.readTree(attributes.get("RedrivePolicy"));
        assertEquals(created.queue("OrderedDeadLetters").arn(), redrive.get("deadLetterTargetArn").asText());
        assertTrue(created.queue("OrderedDeadLetters").name().endsWith(".fifo"));
    }

    @Test
    void a_reset_leaves_fresh_empty_tables() {
        ProvisionedResources first = SharedMoto.resetToTemplate();
        String users = first.table("UsersTable").name();
        SharedMoto.dynamoDb().putItem(r -> r.tableName(users).item(Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("u"),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("profile"))));
        SharedMoto.resetToTemplate();
        assertEquals(0, SharedMoto.dynamoDb().scan(r -> r.tableName(users)).count());
    }

    @Test
    void a_function_environment_names_the_created_resources_and_points_at_moto() {
        ProvisionedResources created = SharedMoto.resetToTemplate();
        Map<String, String> env = SharedMoto.environmentOf("DonateFunction");
        assertEquals(created.table("LedgerTable").name(), env.get("LEDGER_TABLE"));
        assertEquals(created.topic("DonationTopic").arn(), env.get("DONATION_TOPIC_ARN"));
        assertEquals(created.queue("DonationQueue").url(), SharedMoto.environmentOf("FinalizeFunction").get("DONATION_QUEUE_URL"));
        assertEquals(SharedMoto.endpoint().toString(), env.get("AWS_ENDPOINT_URL"));
        assertEquals("us-east-1", env.get("AWS_REGION"));
    }

    private static TableDescription describe(String name) {
        return SharedMoto.dynamoDb().describeTable(r -> r.tableName(name)).table();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
