package org.run78.domain.aggregation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.run78.domain.donation.Donation;

/** The store side of exactly-once counting (docs/exactly-once.md). */
public interface DonationCounter {

    /**
     * Marks each donation of the chunk counted and records the chunk's user totals and region
     * deltas, all in one atomic write that is void for any donation already marked.
     */
    CountOutcome count(List<Donation> chunk, Instant now);

    /**
     * Folds pending region deltas (any invocation's) into the region and aided totals, each
     * fold atomic with the deletion of the deltas it adds. Returns how many deltas it folded.
     */
    int foldPendingDeltas();

    /** The delta items among these that are still waiting to be folded. */
    Set<String> pendingAmong(Set<String> deltaIds);

    Totals totals();

    /**
     * Sets the project's generation time unless it is already set (it never changes or
     * un-generates) and the total has reached the target; returns the time stored, ours or
     * the earlier one, or nothing if the total is below the target and none was stored.
     */
    Optional<Instant> markProjectGenerated(String aidedCode, Instant at);
}
