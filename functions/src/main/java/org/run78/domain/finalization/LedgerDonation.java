package org.run78.domain.finalization;

import org.run78.domain.donation.Donation;

/** A donation as the ledger holds it, and whether aggregation has marked it counted (`countedAt`). */
public record LedgerDonation(Donation donation, boolean counted) {}
