package org.run78.domain.aggregation;

import java.time.Instant;
import java.util.List;

import org.run78.domain.donation.Donation;

/** Donations in the ledger that aggregation has not counted yet. */
public interface UncountedDonations {
    List<Donation> donatedBefore(Instant cutoff, int limit);
}
