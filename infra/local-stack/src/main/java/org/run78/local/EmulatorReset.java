package org.run78.local;

import java.net.URI;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Empties an AWS emulator that has no reset call of moto's (LocalStack in the `localstack` Maven
 * profile, docs/localstack.md): every table, queue and topic is deleted through the AWS APIs
 * themselves, which any emulator (and only an emulator: never point this at AWS) answers.
 */
public final class EmulatorReset {
    private EmulatorReset() {}

    public static void deleteEverything(URI endpoint) {
        DynamoDbClient dynamoDb = AwsClients.dynamoDb(endpoint);
        dynamoDb.listTablesPaginator(b -> { }).tableNames().forEach(t -> dynamoDb.deleteTable(d -> d.tableName(t)));
        SqsClient sqs = AwsClients.sqs(endpoint);
        sqs.listQueues().queueUrls().forEach(q -> sqs.deleteQueue(d -> d.queueUrl(q)));
        SnsClient sns = AwsClients.sns(endpoint);
        sns.listTopicsPaginator().topics().forEach(t -> sns.deleteTopic(d -> d.topicArn(t.topicArn())));
    }
}
