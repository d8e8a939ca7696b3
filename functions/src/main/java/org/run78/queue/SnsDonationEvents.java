package org.run78.queue;

import org.run78.app.Json;
import org.run78.domain.donation.Donation;
import org.run78.domain.donation.DonationEvents;

import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Publishes each recorded donation once, to the donation topic; the topic fans it out (raw
 * message delivery) to the aggregation's queue and the badges' queue (docs/decisions.md).
 */
public final class SnsDonationEvents implements DonationEvents {
    private final SnsClient sns;
    private final String topicArn;

    public SnsDonationEvents(SnsClient sns, String topicArn) {
        this.sns = sns;
        this.topicArn = topicArn;
    }

    @Override
    public void publish(Donation donation) {
        sns.publish(b -> b.topicArn(topicArn).message(Json.write(donation)));
    }
}
