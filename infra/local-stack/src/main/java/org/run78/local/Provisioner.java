package org.run78.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.run78.app.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the template's DynamoDB tables, SQS queues, SNS topics and their SQS subscriptions on
 * moto, each after what it references. (Queue policies are not enforced by moto, so not created.)
 */
public final class Provisioner {
    static final String TABLE = "AWS::DynamoDB::Table";
    static final String QUEUE = "AWS::SQS::Queue";
    static final String TOPIC = "AWS::SNS::Topic";
    static final String SUBSCRIPTION = "AWS::SNS::Subscription";
    private static final Pattern SUB_NAME = Pattern.compile("\\$\\{([^!}][^}.]*)[^}]*}");

    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final SnsClient sns;

    public Provisioner(DynamoDbClient dynamoDb, SqsClient sqs, SnsClient sns) {
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.sns = sns;
    }

    public ProvisionedResources provision(SamTemplate template, Map<String, String> parameters) {
        ProvisionedResources created = new ProvisionedResources(template);
        Intrinsics intrinsics = new Intrinsics(template, parameters, created);
        for (SamTemplate.Resource resource : creationOrder(template)) {
            Map<String, Object> properties = Maps.of(intrinsics.resolve(resource.properties()), resource.logicalId());
            switch (resource.type()) {
                case TABLE -> created.add(createTable(resource.logicalId(), properties));
                case QUEUE -> created.add(createQueue(resource.logicalId(), properties));
                case TOPIC -> created.add(createTopic(resource.logicalId(), properties));
                default -> subscribe(resource.logicalId(), properties);
            }
        }
        return created;
    }

    private static List<SamTemplate.Resource> creationOrder(SamTemplate template) {
        Map<String, SamTemplate.Resource> pending = new LinkedHashMap<>();
        template.resources().values().stream()
                .filter(r -> List.of(TABLE, QUEUE, TOPIC, SUBSCRIPTION).contains(r.type()))
                .forEach(r -> pending.put(r.logicalId(), r));
        List<SamTemplate.Resource> order = new ArrayList<>();
        while (!pending.isEmpty()) {
            SamTemplate.Resource next = pending.values().stream()
                    .filter(r -> references(r).stream().noneMatch(id -> pending.containsKey(id) && !id.equals(r.logicalId())))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("circular references between " + pending.keySet()));
            order.add(next);
            pending.remove(next.logicalId());
        }
        return order;
    }

    private static Set<String> references(SamTemplate.Resource resource) {
        Set<String> ids = new LinkedHashSet<>(resource.dependsOn());
        collectReferences(resource.properties(), ids);
        return ids;
    }

    private static void collectReferences(Object value, Set<String> ids) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> {
                if ("Ref".equals(key)) {
                    ids.add(String.valueOf(inner));
                } else if ("Fn::GetAtt".equals(key) && inner instanceof List<?> parts && !parts.isEmpty()) {
                    ids.add(String.valueOf(parts.get(0)));
                } else if ("Fn::Sub".equals(key)) {
                    Object text = inner instanceof List<?> parts && !parts.isEmpty() ? parts.get(0) : inner;
                    Matcher names = SUB_NAME.matcher(String.valueOf(text));
                    while (names.find()) {
                        ids.add(names.group(1));
                    }
                }
                collectReferences(inner, ids);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(element -> collectReferences(element, ids));
        }
    }

    private ProvisionedResources.Table createTable(String logicalId, Map<String, Object> properties) {
        String name = optionalText(properties, "TableName", logicalId);
        boolean onDemand = "PAY_PER_REQUEST".equals(properties.get("BillingMode"));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(list(properties, "AttributeDefinitions").stream()
                        .map(d -> AttributeDefinition.builder()
                                .attributeName(text(d, "AttributeName"))
                                .attributeType(text(d, "AttributeType")).build())
                        .toList())
                .keySchema(keySchema(properties))
                .billingMode(onDemand ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED);
        if (!onDemand) {
            request.provisionedThroughput(throughput(properties, logicalId));
        }
        List<Map<String, Object>> gsis = list(properties, "GlobalSecondaryIndexes");
        if (!gsis.isEmpty()) {
            request.globalSecondaryIndexes(gsis.stream().map(index -> {
                GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder()
                        .indexName(text(index, "IndexName"))
                        .keySchema(keySchema(index))
                        .projection(projection(index));
                if (!onDemand) {
                    gsi.provisionedThroughput(throughput(index, logicalId + "." + text(index, "IndexName")));
                }
                return gsi.build();
            }).toList());
        }
        List<Map<String, Object>> lsis = list(properties, "LocalSecondaryIndexes");
        if (!lsis.isEmpty()) {
            request.localSecondaryIndexes(lsis.stream().map(index -> LocalSecondaryIndex.builder()
                    .indexName(text(index, "IndexName"))
                    .keySchema(keySchema(index))
                    .projection(projection(index)).build()).toList());
        }
        Map<String, Object> stream = Maps.of(properties.get("StreamSpecification"), logicalId + ".StreamSpecification");
        if (stream.containsKey("StreamViewType")) {
            request.streamSpecification(StreamSpecification.builder()
                    .streamEnabled(true).streamViewType(text(stream, "StreamViewType")).build());
        }
        TableDescription table = dynamoDb.createTable(request.build()).tableDescription();

        Map<String, Object> ttl = Maps.of(properties.get("TimeToLiveSpecification"), logicalId + ".TimeToLiveSpecification");
        if (Boolean.parseBoolean(String.valueOf(ttl.get("Enabled")))) {
            dynamoDb.updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(
                    s -> s.attributeName(text(ttl, "AttributeName")).enabled(true)));
        }
        return new ProvisionedResources.Table(logicalId, name, table.tableArn(), table.latestStreamArn());
    }

    private ProvisionedResources.Queue createQueue(String logicalId, Map<String, Object> properties) {
        boolean fifo = Boolean.parseBoolean(String.valueOf(properties.get("FifoQueue")));
        String name = optionalText(properties, "QueueName", fifo ? logicalId + ".fifo" : logicalId);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String attribute : List.of("VisibilityTimeout", "MessageRetentionPeriod", "DelaySeconds",
                "ReceiveMessageWaitTimeSeconds", "MaximumMessageSize", "ContentBasedDeduplication",
                "DeduplicationScope", "FifoThroughputLimit")) {
            if (properties.get(attribute) != null) {
                attributes.put(attribute, String.valueOf(properties.get(attribute)));
            }
        }
        if (fifo) {
            attributes.put("FifoQueue", "true");
        }
        for (String policy : List.of("RedrivePolicy", "RedriveAllowPolicy")) {
            if (properties.get(policy) != null) {
                attributes.put(policy, json(properties.get(policy)));
            }
        }
        String url = sqs.createQueue(r -> r.queueName(name).attributesWithStrings(attributes)).queueUrl();
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return new ProvisionedResources.Queue(logicalId, name, url, arn);
    }

    private ProvisionedResources.Topic createTopic(String logicalId, Map<String, Object> properties) {
        String name = optionalText(properties, "TopicName", logicalId);
        String arn = sns.createTopic(r -> r.name(name)).topicArn();
        return new ProvisionedResources.Topic(logicalId, name, arn);
    }

    private void subscribe(String logicalId, Map<String, Object> properties) {
        String protocol = text(properties, "Protocol");
        if (!protocol.equals("sqs")) {
            System.out.println("local stack: " + logicalId + " subscribes by " + protocol + "; only sqs is delivered locally");
            return;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (properties.get("RawMessageDelivery") != null) {
            attributes.put("RawMessageDelivery", String.valueOf(properties.get("RawMessageDelivery")));
        }
        if (properties.get("FilterPolicy") != null) {
            attributes.put("FilterPolicy", json(properties.get("FilterPolicy")));
        }
        sns.subscribe(r -> r.topicArn(text(properties, "TopicArn")).protocol(protocol)
                .endpoint(text(properties, "Endpoint")).attributes(attributes));
    }

    private static List<KeySchemaElement> keySchema(Map<String, Object> owner) {
        return list(owner, "KeySchema").stream()
                .map(k -> KeySchemaElement.builder()
                        .attributeName(text(k, "AttributeName"))
                        .keyType(text(k, "KeyType")).build())
                .toList();
    }

    private static Projection projection(Map<String, Object> index) {
        Map<String, Object> projection = Maps.of(index.get("Projection"), "Projection");
        Projection.Builder builder = Projection.builder().projectionType(optionalText(projection, "ProjectionType", "KEYS_ONLY"));
        List<Object> nonKey = Maps.list(projection.get("NonKeyAttributes"), "NonKeyAttributes");
        if (!nonKey.isEmpty()) {
            builder.nonKeyAttributes(nonKey.stream().map(String::valueOf).toList());
        }
        return builder.build();
    }

    private static ProvisionedThroughput throughput(Map<String, Object> owner, String where) {
        Map<String, Object> t = Maps.of(owner.get("ProvisionedThroughput"), where + ".ProvisionedThroughput");
        if (t.isEmpty()) {
            throw new IllegalArgumentException(where + " is PROVISIONED but has no ProvisionedThroughput");
        }
        return ProvisionedThroughput.builder()
                .readCapacityUnits(Long.parseLong(text(t, "ReadCapacityUnits")))
                .writeCapacityUnits(Long.parseLong(text(t, "WriteCapacityUnits"))).build();
    }

    private static String json(Object value) {
        if (value instanceof String text) {
            return text; // already a JSON document, as the SQS API takes it
        }
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value + " as JSON", e);
        }
    }

    private static List<Map<String, Object>> list(Map<String, Object> owner, String key) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Object item : Maps.list(owner.get(key), key)) {
            items.add(Maps.of(item, key));
        }
        return items;
    }

    private static String text(Map<String, Object> owner, String key) {
        Object value = owner.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key + " in " + owner);
        }
        return String.valueOf(value);
    }

    private static String optionalText(Map<String, Object> owner, String key, String fallback) {
        Object value = owner.get(key);
        return value == null ? fallback : String.valueOf(value);
    }
}
