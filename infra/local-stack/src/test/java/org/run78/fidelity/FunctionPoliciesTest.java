package org.run78.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesRequest;
import software.amazon.awssdk.services.sqs.model.GetQueueAttributesRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/** What an SDK call needs from IAM, in the template's terms: the action, on the resource the request names. */
class FunctionPoliciesTest {
    static final Map<String, String> LOGICAL_IDS = Map.of(
            "run78-UsersTable-1", "UsersTable",
            "http://localhost:5000/123456789012/run78-DonationQueue-1", "DonationQueue",
            "arn:aws:sns:us-east-1:123456789012:run78-DonationTopic-1", "DonationTopic");

    static Set<FunctionPolicies.Grant> required(software.amazon.awssdk.core.SdkRequest request) {
        return FunctionPolicies.required(request, n -> LOGICAL_IDS.getOrDefault(n, n));
    }

    @Test
    void aTableCallNeedsItsActionOnTheTableItNames() {
        assertEquals(Set.of(new FunctionPolicies.Grant("dynamodb:UpdateItem", "UsersTable")),
                required(UpdateItemRequest.builder().tableName("run78-UsersTable-1").build()));
    }

    @Test
    void aQueueCallNeedsItsActionOnTheQueueItsUrlNames() {
        String url = "http://localhost:5000/123456789012/run78-DonationQueue-1";
        assertEquals(Set.of(new FunctionPolicies.Grant("sqs:GetQueueAttributes", "DonationQueue")),
                required(GetQueueAttributesRequest.builder().queueUrl(url).build()));
        assertEquals(Set.of(new FunctionPolicies.Grant("sqs:ReceiveMessage", "DonationQueue")),
                required(ReceiveMessageRequest.builder().queueUrl(url).build()));
    }

    @Test
    void aTopicCallNeedsItsActionOnTheTopicItsArnNames() {
        assertEquals(Set.of(new FunctionPolicies.Grant("sns:GetTopicAttributes", "DonationTopic")),
                required(GetTopicAttributesRequest.builder()
                        .topicArn("arn:aws:sns:us-east-1:123456789012:run78-DonationTopic-1").build()));
    }
}
