package org.run78.local;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The physical names and attributes of the template's resources, as created on moto. */
public final class ProvisionedResources implements Intrinsics.Resources {
    public record Table(String logicalId, String name, String arn, String streamArn) {
    }

    public record Queue(String logicalId, String name, String url, String arn) {
    }

    public record Topic(String logicalId, String name, String arn) {
    }

    private final Map<String, String> typesByLogicalId = new LinkedHashMap<>();
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, Queue> queues = new LinkedHashMap<>();
    private final Map<String, Topic> topics = new LinkedHashMap<>();
    private final Set<String> warnedAbout = ConcurrentHashMap.newKeySet();

    ProvisionedResources(SamTemplate template) {
        template.resources().forEach((id, resource) -> typesByLogicalId.put(id, resource.type()));
    }

    void add(Table table) {
        tables.put(table.logicalId(), table);
    }

    void add(Queue queue) {
        queues.put(queue.logicalId(), queue);
    }

    void add(Topic topic) {
        topics.put(topic.logicalId(), topic);
    }

    public Topic topic(String logicalId) {
        return require(topics.get(logicalId), "topic", logicalId);
    }

    public Collection<Topic> topics() {
        return topics.values();
    }

    public Table table(String logicalId) {
        return require(tables.get(logicalId), "table", logicalId);
    }

    public Queue queue(String logicalId) {
        return require(queues.get(logicalId), "queue", logicalId);
    }

    public Collection<Table> tables() {
        return tables.values();
    }

    public Collection<Queue> queues() {
        return queues.values();
    }

    public Optional<Queue> queueByArn(String arn) {
        return queues.values().stream().filter(q -> q.arn().equals(arn)).findFirst();
    }

    @Override
    public String ref(String logicalId) {
        if (tables.containsKey(logicalId)) {
            return tables.get(logicalId).name();
        }
        if (queues.containsKey(logicalId)) {
            return queues.get(logicalId).url();
        }
        if (topics.containsKey(logicalId)) {
            return topics.get(logicalId).arn();
        }
        String type = typesByLogicalId.get(logicalId);
        if (type == null) {
            throw new IllegalArgumentException("!Ref " + logicalId + ": no parameter or resource of that name");
        }
        if (!type.equals(SamTemplate.SERVERLESS_FUNCTION) && !type.equals("AWS::Serverless::HttpApi")
                && warnedAbout.add(logicalId)) {
            System.out.println("local stack: !Ref " + logicalId + " (" + type
                    + ") is not created locally; it resolves to its logical id");
        }
        return logicalId;
    }

    @Override
    public String attribute(String logicalId, String attribute) {
        if (tables.containsKey(logicalId)) {
            Table table = tables.get(logicalId);
            switch (attribute) {
                case "Arn":
                    return table.arn();
                case "StreamArn":
                    if (table.streamArn() == null) {
                        throw new IllegalArgumentException(logicalId + " has no StreamSpecification, so no StreamArn");
                    }
                    return table.streamArn();
                default:
                    break;
            }
        }
        if (queues.containsKey(logicalId)) {
            Queue queue = queues.get(logicalId);
            switch (attribute) {
                case "Arn":
                    return queue.arn();
                case "QueueName":
                    return queue.name();
                case "QueueUrl":
                    return queue.url();
                default:
                    break;
            }
        }
        if (topics.containsKey(logicalId) && (attribute.equals("TopicArn") || attribute.equals("TopicName"))) {
            Topic topic = topics.get(logicalId);
            return attribute.equals("TopicArn") ? topic.arn() : topic.name();
        }
        if (SamTemplate.SERVERLESS_FUNCTION.equals(typesByLogicalId.get(logicalId)) && attribute.equals("Arn")) {
            return "arn:aws:lambda:" + Intrinsics.REGION + ":" + Intrinsics.ACCOUNT_ID + ":function:" + logicalId;
        }
        throw new IllegalArgumentException("the local stack cannot resolve !GetAtt " + logicalId + "." + attribute
                + (typesByLogicalId.containsKey(logicalId) ? " (" + typesByLogicalId.get(logicalId) + ")" : ""));
    }

    private static <T> T require(T value, String kind, String logicalId) {
        if (value == null) {
            throw new IllegalArgumentException("no " + kind + " named " + logicalId + " in the template");
        }
        return value;
    }
}
