package org.run78.queue;

import java.util.List;
import java.util.Map;

import org.run78.domain.finalization.QueueDepth;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The donation queue's depth, from GetQueueAttributes: visible + in flight + delayed messages. */
public final class SqsQueueDepth implements QueueDepth {
    private static final List<QueueAttributeName> DEPTH = List.of(
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED);

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsQueueDepth(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public long messages() {
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(g -> g.queueUrl(queueUrl).attributeNames(DEPTH))
                .attributes();
        return DEPTH.stream().mapToLong(name -> Long.parseLong(attributes.getOrDefault(name, "0"))).sum();
    }
}
