package org.run78.queue;

import org.run78.app.Json;
import org.run78.domain.donation.Donation;
import org.run78.domain.donation.DonationEvents;

import software.amazon.awssdk.services.sqs.SqsClient;

/** Publishes each recorded donation, once, to the donation queue that aggregation consumes. */
public final class SqsDonationEvents implements DonationEvents {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsDonationEvents(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void publish(Donation donation) {
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(Json.write(donation)));
    }
}
