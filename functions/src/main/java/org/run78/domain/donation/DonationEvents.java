package org.run78.domain.donation;

/** Hands a recorded donation to aggregation. */
public interface DonationEvents {
    void publish(Donation donation);
}
