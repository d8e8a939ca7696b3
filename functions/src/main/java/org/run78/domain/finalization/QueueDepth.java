package org.run78.domain.finalization;

/** How many donation messages are still on their way to the aggregation. */
public interface QueueDepth {

    /** Messages waiting, in flight (received, not deleted) and delayed; approximate, as the queue reports them. */
    long messages();
}
