package org.run78.fidelity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.run78.local.ServerlessFunction;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * What a function's policy in template.yaml grants, as (action, resource) pairs with resources
 * named by logical id ("UsersTable", "UsersTable/index/ByTotal", "DonationTopic"), and what an AWS
 * SDK call needs in those terms.
 */
final class FunctionPolicies {
    record Grant(String action, String resource) {
        @Override
        public String toString() {
            return action + " on " + resource;
        }
    }

    /** A policy entry that is not an explicit statement list: a SAM policy template or a managed policy. */
    record Opaque(String function, Object entry) {}

    /** The request fields that name what a DynamoDB, SQS or SNS call acts on, for the calls not listed one by one. */
    private static final List<String> RESOURCE_FIELDS = List.of("TableName", "QueueUrl", "TopicArn");

    private static final Pattern SUB_ARN = Pattern.compile("^\\$\\{([A-Za-z0-9]+)\\.Arn}(.*)$");

    private FunctionPolicies() {}

    static List<Grant> grants(ServerlessFunction function) {
        List<Object> documents = new ArrayList<>(TemplateFacts.list(function.properties().get("Policies")));
        // A function given its own Role: the inline policies of that role are its grants.
        String role = TemplateFacts.referencedId(function.properties().get("Role"));
        if (role != null) {
            for (Object policy : TemplateFacts.list(TemplateFacts.properties(role).get("Policies"))) {
                documents.add(TemplateFacts.map(policy).get("PolicyDocument"));
            }
        }
        List<Grant> grants = new ArrayList<>();
        for (Object entry : documents) {
            for (Object statement : TemplateFacts.list(TemplateFacts.map(entry).get("Statement"))) {
                Map<String, Object> s = TemplateFacts.map(statement);
                if (!"Allow".equals(s.get("Effect"))) {
                    continue;
                }
                for (Object action : TemplateFacts.list(s.get("Action"))) {
                    for (Object resource : TemplateFacts.list(s.get("Resource"))) {
                        grants.add(new Grant(String.valueOf(action), resource(resource)));
                    }
                }
            }
        }
        return grants;
    }

    static List<Opaque> opaqueEntries(ServerlessFunction function) {
        List<Opaque> opaque = new ArrayList<>();
        for (Object entry : TemplateFacts.list(function.properties().get("Policies"))) {
            if (!TemplateFacts.map(entry).containsKey("Statement")) {
                opaque.add(new Opaque(function.logicalId(), entry));
            }
        }
        return opaque;
    }

    /** A statement's Resource as a logical id (plus an ARN suffix), or the literal text it is. */
    static String resource(Object value) {
        Map<String, Object> m = TemplateFacts.map(value);
        if (m.containsKey("Fn::Sub")) {
            Object text = m.get("Fn::Sub") instanceof List<?> l ? l.get(0) : m.get("Fn::Sub");
            Matcher arn = SUB_ARN.matcher(String.valueOf(text));
            return arn.matches() ? arn.group(1) + arn.group(2) : String.valueOf(text);
        }
        String id = TemplateFacts.referencedId(value);
        return id != null ? id : String.valueOf(value);
    }

    /** The grants an SDK request needs; logicalId turns a physical table name, topic or queue into its logical id. */
    static Set<Grant> required(SdkRequest request, UnaryOperator<String> logicalId) {
        Set<Grant> needed = new LinkedHashSet<>();
        String operation = request.getClass().getSimpleName().replaceFirst("Request$", "");
        if (request instanceof TransactWriteItemsRequest t) {
            // IAM has no TransactWriteItems action: each item needs its own write action.
            for (TransactWriteItem item : t.transactItems()) {
                if (item.put() != null) {
                    needed.add(new Grant("dynamodb:PutItem", logicalId.apply(item.put().tableName())));
                }
                if (item.update() != null) {
                    needed.add(new Grant("dynamodb:UpdateItem", logicalId.apply(item.update().tableName())));
                }
                if (item.delete() != null) {
                    needed.add(new Grant("dynamodb:DeleteItem", logicalId.apply(item.delete().tableName())));
                }
                if (item.conditionCheck() != null) {
                    needed.add(new Grant("dynamodb:ConditionCheckItem", logicalId.apply(item.conditionCheck().tableName())));
                }
            }
        } else if (request instanceof TransactGetItemsRequest t) {
            t.transactItems().forEach(i -> needed.add(new Grant("dynamodb:GetItem", logicalId.apply(i.get().tableName()))));
        } else if (request instanceof BatchGetItemRequest b) {
            b.requestItems().keySet().forEach(table -> needed.add(new Grant("dynamodb:BatchGetItem", logicalId.apply(table))));
        } else if (request instanceof BatchWriteItemRequest b) {
            b.requestItems().keySet().forEach(table -> needed.add(new Grant("dynamodb:BatchWriteItem", logicalId.apply(table))));
        } else if (request instanceof QueryRequest q) {
            needed.add(new Grant("dynamodb:Query", logicalId.apply(q.tableName()) + index(q.indexName())));
        } else if (request instanceof ScanRequest q) {
            needed.add(new Grant("dynamodb:Scan", logicalId.apply(q.tableName()) + index(q.indexName())));
        } else if (request instanceof PublishRequest p) {
            needed.add(new Grant("sns:Publish", logicalId.apply(p.topicArn())));
        } else if (request instanceof SendMessageRequest m) {
            needed.add(new Grant("sqs:SendMessage", logicalId.apply(m.queueUrl())));
        } else if (request instanceof SendMessageBatchRequest m) {
            needed.add(new Grant("sqs:SendMessage", logicalId.apply(m.queueUrl())));
        } else {
            String service = request.getClass().getPackageName().replaceFirst(".*\\.services\\.([a-z0-9]+)\\..*", "$1");
            // IAM authorizes a call on the resource its request names: a table, a queue (by its URL), a topic.
            String target = RESOURCE_FIELDS.stream().map(f -> request.getValueForField(f, String.class))
                    .flatMap(Optional::stream).findFirst().orElse("?");
            needed.add(new Grant(service + ":" + operation, logicalId.apply(target)));
        }
        return needed;
    }

    private static String index(String indexName) {
        return indexName == null ? "" : "/index/" + indexName;
    }
}
