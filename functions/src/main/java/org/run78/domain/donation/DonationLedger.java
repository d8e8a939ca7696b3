package org.run78.domain.donation;

/** Where donations are recorded, once per user per campaign day. */
public interface DonationLedger {

    /**
     * Records the donation unless the user already donated that day, decided by the store's
     * own conditional write. Throws ALREADY_DONATED_TODAY carrying the donation made.
     */
    void record(Donation donation);
}
