package org.run78.events;

/** One record of an SQS event, as Lambda's event source mapping delivers it. */
public record SqsMessage(String messageId, String body, int receiveCount) {}
