package org.run78.domain.aggregation;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.run78.domain.donation.Donation;
import org.run78.domain.donation.DonationEvents;

/**
 * The safety net of exactly-once: a donation recorded but never published (SendMessage failed
 * after the write), or one whose messages all failed, is published again; a delta left by an
 * invocation that died is folded. Publishing twice is harmless: counting is idempotent.
 */
public final class Sweeper {
    private final UncountedDonations uncounted;
    private final DonationEvents events;
    private final AggregationService aggregation;
    private final Clock clock;
    private final Duration grace;
    private final int limit;

    /** @param grace how long a donation may wait for its first count before it is published again */
    public Sweeper(UncountedDonations uncounted, DonationEvents events, AggregationService aggregation, Clock clock,
                   Duration grace, int limit) {
        this.uncounted = uncounted;
        this.events = events;
        this.aggregation = aggregation;
        this.clock = clock;
        this.grace = grace;
        this.limit = limit;
    }

    public record Sweep(int republished, int failedToPublish) {}

    public Sweep sweep() {
        List<Donation> stale = uncounted.donatedBefore(clock.instant().minus(grace), limit);
        int failed = 0;
        for (Donation d : stale) {
            try {
                events.publish(d);
            } catch (RuntimeException publishFailed) {
                failed++;
            }
        }
        aggregation.settle(Set.of());
        return new Sweep(stale.size() - failed, failed);
    }
}
